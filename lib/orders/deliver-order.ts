import type { Db } from '@/db/client';
import { authenticateChannel } from '@/lib/channels/authenticate';
import { apiAnswerFrom, apiErrorAnswer, type ApiAnswer } from '@/lib/http/api';
import { ingestOrder } from './ingest-order';
import { ZIngestOrderInput } from './schemas';

/** Largest order body a channel may send. */
export const MAX_ORDER_BODY_BYTES = 1_000_000;

/** The answer to a body over MAX_ORDER_BODY_BYTES, from whichever server measured it. */
export function orderBodyTooLarge(): ApiAnswer {
  return apiErrorAnswer('validation_failed', 'The request body is too large (1 MB at most).');
}

export type OrderDelivery = {
  /** The channel code from the path. */
  channel: string;
  /** The body exactly as received: the signature covers these bytes. */
  rawBody: string;
  /** The X-Comptoir-Signature header. */
  signature: string | null;
};

/**
 * POST /api/v1/channels/{channel}/orders, from the raw body to the JSON answer, for whichever
 * server carries it (the App Router route, or the production server's lane for deliveries):
 * 201 with the new order, 200 with the first one for a replay, an error answer otherwise.
 * Who sent it is checked first, against the channel's credentials alone (kept in memory for a
 * few seconds): an unsigned or badly signed delivery is a 401, even on a bad body, and reads
 * nothing else from the database.
 */
export async function deliverOrder(db: Db, delivery: OrderDelivery): Promise<ApiAnswer> {
  try {
    if (Buffer.byteLength(delivery.rawBody) > MAX_ORDER_BODY_BYTES) return orderBodyTooLarge();
    const channel = await authenticateChannel(db, delivery.channel, {
      kind: 'signature',
      rawBody: delivery.rawBody,
      header: delivery.signature,
    });
    const parsed = parse(delivery.rawBody);
    if (!parsed.ok) return parsed.answer;
    const result = await ingestOrder(db, { code: channel.code }, parsed.input, { delivery: true });
    return { status: result.created ? 201 : 200, body: { order: result.order } };
  } catch (error) {
    return apiAnswerFrom(error);
  }
}

/**
 * A delivery's body from a web Request, as UTF-8, or null when it is over `limit` bytes: a
 * declared length over it is refused unread, and a body that grows past it is cancelled there,
 * so no more than `limit` bytes (and one chunk) are ever read or kept.
 */
export async function readOrderBody(request: Request, limit = MAX_ORDER_BODY_BYTES): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    void request.body?.cancel().catch(() => {});
    return null;
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parse(rawBody: string) {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false as const, answer: apiErrorAnswer('validation_failed', 'The request body is not valid JSON.') };
  }
  const input = ZIngestOrderInput.safeParse(json);
  return input.success
    ? { ok: true as const, input: input.data }
    : { ok: false as const, answer: apiAnswerFrom(input.error) };
}
