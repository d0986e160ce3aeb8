import type { ZodError } from 'zod';
import type { Db } from '@/db/client';
import { authenticateChannel } from '@/lib/channels/authenticate';
import { NotFound } from '@/lib/errors';
import { apiAnswerFrom, apiErrorAnswer, type ApiAnswer } from '@/lib/http/api';
import { fieldErrorsOf } from '@/lib/http/field-errors';
import { balanceOf } from './ledger';
import { findLoyaltyCustomer } from './queries';
import { redeemPoints } from './redeem-points';
import { ZBalanceQuery, ZRedeemPointsRequest } from './schemas';

/** Largest redemption body a channel may send. */
export const MAX_REDEMPTION_BODY_BYTES = 10_000;

/** A 400 that says what is wrong in words, the first problem first, with every field's. */
function invalid(error: ZodError): ApiAnswer {
  const first = error.issues[0];
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  return apiErrorAnswer('validation_failed', `${where}${first?.message ?? 'The request is not valid.'}`, {
    fields: fieldErrorsOf(error),
  });
}

export type RedemptionDelivery = {
  /** The channel code (?channel=). */
  channel: string | null;
  rawBody: string;
  /** X-Comptoir-Signature: the HMAC of the raw body with one of the channel's signing secrets. */
  signature: string | null;
  /** The Idempotency-Key header, if any. */
  idempotencyKey: string | null;
};

/**
 * POST /api/v1/loyalty/redemptions?channel=…, signed as an order delivery: who sent it is checked
 * before the body is read (401 otherwise, even on a bad body). The redemption id comes from the
 * Idempotency-Key header or the body's redemptionId (the same if both). 201 with the redemption
 * and the balance after it; 200 with the first answer for a replay; 409 when the balance is short.
 */
export async function deliverRedemption(db: Db, delivery: RedemptionDelivery): Promise<ApiAnswer> {
  try {
    if (Buffer.byteLength(delivery.rawBody) > MAX_REDEMPTION_BODY_BYTES)
      return apiErrorAnswer('validation_failed', 'The request body is too large (10 kB at most).');
    const channel = await authenticateChannel(db, delivery.channel ?? '', {
      kind: 'signature',
      rawBody: delivery.rawBody,
      header: delivery.signature,
    });
    let json: unknown;
    try {
      json = JSON.parse(delivery.rawBody);
    } catch {
      return apiErrorAnswer('validation_failed', 'The request body is not valid JSON.');
    }
    const parsed = ZRedeemPointsRequest.safeParse(json);
    if (!parsed.success) return invalid(parsed.error);
    const header = delivery.idempotencyKey?.trim() || undefined;
    const body = parsed.data.redemptionId;
    if (header && header.length > 100)
      return apiErrorAnswer('validation_failed', 'Idempotency-Key: 100 characters at most.');
    if (header && body && header !== body)
      return apiErrorAnswer(
        'validation_failed',
        'Idempotency-Key and redemptionId differ: give one id per redemption.',
      );
    const key = header ?? body;
    if (!key)
      return apiErrorAnswer(
        'validation_failed',
        'Give the redemption an id: an Idempotency-Key header or a redemptionId in the body.',
      );
    const result = await redeemPoints(db, channel, key, parsed.data);
    return { status: result.created ? 201 : 200, body: { redemption: result.redemption } };
  } catch (error) {
    if (error instanceof NotFound) return apiErrorAnswer('not_found', 'No customer has this loyalty id or e-mail.');
    return apiAnswerFrom(error);
  }
}

/**
 * GET /api/v1/loyalty/balance?channel=…&loyaltyId=… (or &email=…), with the channel's bearer read
 * token, as the other reads of the API: the customer's balance, whichever channel earned it.
 */
export async function readBalance(db: Db, params: URLSearchParams, authorization: string | null): Promise<ApiAnswer> {
  try {
    const channel = await authenticateChannel(db, params.get('channel') ?? '', {
      kind: 'bearer',
      header: authorization,
    });
    const parsed = ZBalanceQuery.safeParse(Object.fromEntries(params));
    if (!parsed.success) return invalid(parsed.error);
    void channel;
    const customerId = await findLoyaltyCustomer(db, parsed.data);
    if (!customerId) return apiErrorAnswer('not_found', 'No customer has this loyalty id or e-mail.');
    const balance = await balanceOf(db, customerId);
    return {
      status: 200,
      body: { loyaltyId: parsed.data.loyaltyId ?? null, email: parsed.data.email ?? null, balance },
      headers: { 'Cache-Control': 'no-store' },
    };
  } catch (error) {
    return apiAnswerFrom(error);
  }
}
