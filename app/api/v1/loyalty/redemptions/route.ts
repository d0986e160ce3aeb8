import { getDb } from '@/db/client';
import { apiErrorAnswer, toResponse } from '@/lib/http/api';
import { deliverRedemption, MAX_REDEMPTION_BODY_BYTES } from '@/lib/loyalty/channel-api';
import { readOrderBody } from '@/lib/orders/deliver-order';

export const dynamic = 'force-dynamic';

/**
 * A channel spends a customer's loyalty points: POST /api/v1/loyalty/redemptions?channel=web,
 * signed (X-Comptoir-Signature: sha256=<hex> of the raw body), idempotent on the Idempotency-Key
 * header or the body's redemptionId. deliverRedemption (lib/loyalty/channel-api.ts) says the rest.
 */
export async function POST(request: Request) {
  const rawBody = await readOrderBody(request, MAX_REDEMPTION_BODY_BYTES);
  if (rawBody === null)
    return toResponse(apiErrorAnswer('validation_failed', 'The request body is too large (10 kB at most).'));
  const answer = await deliverRedemption(await getDb(), {
    channel: new URL(request.url).searchParams.get('channel'),
    rawBody,
    signature: request.headers.get('x-comptoir-signature'),
    idempotencyKey: request.headers.get('idempotency-key'),
  });
  return toResponse(answer);
}
