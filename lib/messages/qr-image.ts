import QRCode from 'qrcode';

/**
 * The pickup code's QR code in an e-mail. Most mail clients block data: URIs and draw no inline
 * SVG, so the message carries it as a PNG attachment that the HTML shows by its Content-ID
 * (`<img src="cid:…">`, multipart/related). The QR holds the bare code, as on the pick list and
 * the tracking page (lib/pickups/qr.ts), so the counter's scanner reads the same thing from any of
 * them. Deterministic: the same code gives the same bytes.
 */
export const PICKUP_QR_CID = 'pickup-code-qr@comptoir';
export const PICKUP_QR_SRC = `cid:${PICKUP_QR_CID}`;

export type MailAttachment = {
  cid: string;
  filename: string;
  content: Buffer;
  contentType: 'image/png';
  contentDisposition: 'inline';
};

/** Error correction M and a two-module quiet zone, 10 px a module (about 250 px, shown at 160). */
export function pickupQrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 10 });
}

/** The attachments a rendered message needs: the QR when its HTML shows it, else none. */
export async function pickupQrAttachments(html: string, code: string | null | undefined): Promise<MailAttachment[]> {
  if (!code || !html.includes(PICKUP_QR_SRC)) return [];
  return [
    {
      cid: PICKUP_QR_CID,
      filename: 'pickup-code.png',
      content: await pickupQrPng(code),
      contentType: 'image/png',
      contentDisposition: 'inline',
    },
  ];
}

/**
 * A kept message's HTML as the development mailbox shows it: the QR's cid: reference (which only a
 * mail client resolves) replaced by the same PNG as a data: URI, which the mailbox's frame may load
 * (its CSP allows data: images). The stored HTML stays what was sent.
 */
export async function htmlForPreview(html: string, code: string | null | undefined): Promise<string> {
  if (!code || !html.includes(PICKUP_QR_SRC)) return html;
  const uri = `data:image/png;base64,${(await pickupQrPng(code)).toString('base64')}`;
  return html.split(PICKUP_QR_SRC).join(uri);
}
