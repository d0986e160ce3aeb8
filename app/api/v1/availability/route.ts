import { z } from 'zod';
import { getDb } from '@/db/client';
import { authenticateChannel } from '@/lib/channels/authenticate';
import { apiError, apiErrorFrom } from '@/lib/http/api';
import { getAvailability } from '@/lib/inventory/availability';
import { pickupOptions } from '@/lib/pickups/pickup-options';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  channel: z.string().trim().min(1).max(50),
  sku: z.string().trim().min(1).max(64),
  location: z.string().trim().min(1).max(20).optional(),
  /** Units wanted: what the pickup options are for (default 1). */
  quantity: z.coerce.number().int().min(1).max(10_000).default(1),
});

/**
 * Available to promise per location for one SKU, as the calling channel may sell it, and where it
 * may offer click-and-collect for `quantity` units: ready today, or in about N days via a transfer.
 * GET /api/v1/availability?channel=web&sku=…[&location=PAR][&quantity=2], Authorization: Bearer <channel read token>.
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
    const pickup = await pickupOptions(db, {
      sku: query.sku,
      quantity: query.quantity,
      allowShipToStore: channel.allowShipToStore,
      locationCode: query.location?.toUpperCase(),
    });
    return Response.json({ ...availability, pickup }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
