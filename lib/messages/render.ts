import { renderPickupEmail, type RenderedEmail } from '@/components/emails/render';
import { isMessageKind, messageLocale, publicBaseUrl, ZPickupMessagePayload } from './payload';
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
  const parsed = ZPickupMessagePayload.safeParse(row.payload);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(payload)'))].join(', ');
    throw new UnrenderableMessage(`The ${row.kind} message's payload is missing or has wrong fields: ${fields}.`);
  }
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
