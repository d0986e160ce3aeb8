import { getDb } from '@/db/client';
import { toResponse } from '@/lib/http/api';
import { deliverOrder } from '@/lib/orders/deliver-order';

export const dynamic = 'force-dynamic';

/**
 * Order delivery from a channel, signed with its secret (X-Comptoir-Signature: sha256=<hex>);
 * deliverOrder verifies the signature. 201 with the new order; 200 with the first result when
 * the external id was seen before. In production, scripts/serve.ts answers this path itself
 * with the same function.
 */
export async function POST(request: Request, { params }: { params: Promise<{ channel: string }> }) {
  const { channel } = await params;
  const rawBody = await request.text();
  const answer = await deliverOrder(await getDb(), { channel, rawBody, signature: request.headers.get('x-comptoir-signature') });
  return toResponse(answer);
}
