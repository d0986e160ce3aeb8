import type { ZodType } from 'zod';
import type { Db } from '@/db/client';
import { authenticateChannel, type AuthenticatedChannel } from '@/lib/channels/authenticate';
import { apiAnswerFrom, apiErrorAnswer, type ApiAnswer } from '@/lib/http/api';

/** Largest stock alert request a channel may send. */
export const MAX_STOCK_ALERT_BODY_BYTES = 16_000;

/**
 * A signed channel request to the stock alerts API, from the raw body to the JSON answer: the
 * signature (X-Comptoir-Signature, as order deliveries) checked first — unsigned or badly signed
 * is a 401 whatever the body —, then the body parsed with `schema` (a 400 saying which fields),
 * then `run`.
 */
export async function handleSignedStockAlertRequest<T>(
  db: Db,
  request: { channel: string | null; rawBody: string | null; signature: string | null },
  schema: ZodType<T>,
  run: (channel: AuthenticatedChannel, input: T) => Promise<ApiAnswer>,
): Promise<ApiAnswer> {
  try {
    if (request.rawBody === null) {
      return apiErrorAnswer('validation_failed', 'The request body is too large (16 kB at most).');
    }
    const channel = await authenticateChannel(db, request.channel ?? '', {
      kind: 'signature',
      rawBody: request.rawBody,
      header: request.signature,
    });
    let json: unknown;
    try {
      json = JSON.parse(request.rawBody);
    } catch {
      return apiErrorAnswer('validation_failed', 'The request body is not valid JSON.');
    }
    return await run(channel, schema.parse(json));
  } catch (error) {
    return apiAnswerFrom(error);
  }
}
