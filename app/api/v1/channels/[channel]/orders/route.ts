import { getDb } from '@/db/client';
import { authenticateChannel } from '@/lib/channels/authenticate';
import { apiError, apiErrorFrom } from '@/lib/http/api';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 1_000_000;

/**
 * Order delivery from a channel, signed with its secret (X-Comptoir-Signature: sha256=<hex>).
 * 201 with the new order; 200 with the first result when the external id was seen before.
 */
export async function POST(request: Request, { params }: { params: Promise<{ channel: string }> }) {
  try {
    const { channel: code } = await params;
    const rawBody = await request.text();
    if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) return apiError('validation_failed', 'The request body is too large (1 MB at most).');
    const db = await getDb();
    const channel = await authenticateChannel(db, code, {
      kind: 'signature',
      rawBody,
      header: request.headers.get('x-comptoir-signature'),
    });
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return apiError('validation_failed', 'The request body is not valid JSON.');
    }
    const input = ZIngestOrderInput.parse(json);
    const result = await ingestOrder(db, channel, input);
    return Response.json({ order: result.order }, { status: result.created ? 201 : 200 });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
