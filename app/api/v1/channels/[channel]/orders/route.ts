import { getDb } from '@/db/client';
import { toResponse } from '@/lib/http/api';
import { deliverOrder, orderBodyTooLarge, readOrderBody } from '@/lib/orders/deliver-order';

export const dynamic = 'force-dynamic';

/**
 * Order delivery from a channel, signed with one of its signing secrets (X-Comptoir-Signature:
 * sha256=<hex>); deliverOrder verifies the signature. The body is read up to the same limit as
 * the production server's lane, and no further. 201 with the new order; 200 with the first
 * result when the external id was seen before. In production, scripts/serve.ts answers this path
 * itself with the same function.
 */
export async function POST(request: Request, { params }: { params: Promise<{ channel: string }> }) {
  const { channel } = await params;
  const rawBody = await readOrderBody(request);
  if (rawBody === null) return toResponse(orderBodyTooLarge());
  const answer = await deliverOrder(await getDb(), {
    channel,
    rawBody,
    signature: request.headers.get('x-comptoir-signature'),
  });
  return toResponse(answer);
}
