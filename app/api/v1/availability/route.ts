import { z } from 'zod';
import { getDb } from '@/db/client';
import { authenticateChannel } from '@/lib/channels/authenticate';
import { apiError, apiErrorFrom } from '@/lib/http/api';
import { getAvailability } from '@/lib/inventory/availability';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  channel: z.string().trim().min(1).max(50),
  sku: z.string().trim().min(1).max(64),
  location: z.string().trim().min(1).max(20).optional(),
});

/**
 * Available to promise per location for one SKU, as the calling channel may sell it.
 * GET /api/v1/availability?channel=web&sku=…[&location=PAR], Authorization: Bearer <channel secret>.
 */
export async function GET(request: Request) {
  try {
    const url = new URL(request.url);
    const query = ZQuery.parse(Object.fromEntries(url.searchParams));
    const db = await getDb();
    const channel = await authenticateChannel(db, query.channel, {
      kind: 'bearer',
      header: request.headers.get('authorization'),
    });
    const availability = await getAvailability(db, {
      sku: query.sku,
      channelId: channel.id,
      locationCode: query.location?.toUpperCase(),
    });
    if (!availability) return apiError('not_found', `Unknown SKU "${query.sku}".`);
    return Response.json(availability, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
