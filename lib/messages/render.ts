import { renderPickupEmail, renderStockEmail, type RenderedEmail } from '@/components/emails/render';
import {
  isMessageKind,
  isStockMessageKind,
  messageLocale,
  publicBaseUrl,
  ZPickupMessagePayload,
  ZStockMessagePayload,
} from './payload';
import { PICKUP_QR_SRC, pickupQrAttachments, type MailAttachment } from './qr-image';

/** A message as sent: what the template rendered, and the images its HTML shows by cid (the code's QR). */
export type RenderedMessage = RenderedEmail & { attachments: MailAttachment[] };

/** A message no template can render: a kind nobody wrote a template for, or a payload missing what it must show. */
export class UnrenderableMessage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrenderableMessage';
  }
}

/**
 * An outbox row as the customer receives it, in their language (the payload's, else the install's
 * default for messages), with links on the install's public address (publicBaseUrl) and the
 * pickup code's QR as an inline PNG attachment wherever the template shows the code. Throws
 * UnrenderableMessage for a row that retrying cannot fix.
 */
export async function renderOutboxMessage(
  row: { kind: string; payload: unknown; createdAt: Date },
  options: { env?: Record<string, string | undefined> } = {},
): Promise<RenderedMessage> {
  const env = options.env ?? process.env;
  if (!isMessageKind(row.kind)) throw new UnrenderableMessage(`No template for messages of kind "${row.kind}".`);
  if (isStockMessageKind(row.kind)) {
    const stock = ZStockMessagePayload.safeParse(row.payload);
    if (!stock.success) throw unrenderable(row.kind, stock.error.issues);
    const rendered = await renderStockEmail({
      kind: row.kind,
      locale: messageLocale(stock.data.locale, env),
      payload: stock.data,
      writtenAt: row.createdAt,
    });
    return { ...rendered, attachments: [] };
  }
  const parsed = ZPickupMessagePayload.safeParse(row.payload);
  if (!parsed.success) throw unrenderable(row.kind, parsed.error.issues);
  const payload = parsed.data;
  const rendered = await renderPickupEmail({
    kind: row.kind,
    locale: messageLocale(payload.locale, env),
    payload,
    writtenAt: row.createdAt,
    trackingUrl: payload.trackingPath ? `${publicBaseUrl(env)}${payload.trackingPath}` : null,
    qrSrc: payload.code ? PICKUP_QR_SRC : null,
  });
  return { ...rendered, attachments: await pickupQrAttachments(rendered.html, payload.code) };
}

function unrenderable(kind: string, issues: readonly { path: PropertyKey[] }[]): UnrenderableMessage {
  const fields = [...new Set(issues.map((i) => i.path.map(String).join('.') || '(payload)'))].join(', ');
  return new UnrenderableMessage(`The ${kind} message's payload is missing or has wrong fields: ${fields}.`);
}
