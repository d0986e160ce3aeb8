import { z } from 'zod';
import { getDb } from '@/db/client';
import { authenticateChannel } from '@/lib/channels/authenticate';
import { apiErrorFrom } from '@/lib/http/api';
import { listSkuFeed } from '@/lib/inventory/availability';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  channel: z.string().trim().min(1).max(50),
  after: z.string().trim().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  inStock: z.enum(['true', 'false']).optional(),
});

/** GET /api/v1/skus?channel=web[&after=SKU][&limit=200][&inStock=true]: the SKU feed, keyset by SKU. */
export async function GET(request: Request) {
  try {
    const query = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const db = await getDb();
    await authenticateChannel(db, query.channel, { kind: 'bearer', header: request.headers.get('authorization') });
    const feed = await listSkuFeed(db, {
      after: query.after,
      limit: query.limit,
      inStockOnly: query.inStock === 'true',
    });
    return Response.json(feed, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
