import { z } from 'zod';
import { guardedRoute } from '@/lib/next/guarded-route';
import { lookupReadyPickups } from '@/lib/pickups/lookup';

const ZCounterQuery = z.object({ location: z.uuid(), q: z.string().max(200) });

/**
 * GET /pickups/counter/lookup?location=…&q=… — the counter's search as the staff member types or
 * scans: the store's ready parcels matching a code, an order number or a customer's name, each
 * with its lines (LookupResult). A manager only at their stores (403 otherwise).
 */
export const GET = guardedRoute({
  permission: 'pickups.manage',
  query: (params) => ZCounterQuery.parse({ location: params.get('location') ?? '', q: params.get('q') ?? '' }),
  invalidQuery: 'Give a store as ?location=<id> and what to look for as &q= (a code, an order number or a name).',
  run: async ({ actor, db }, { location, q }) => {
    const result = await lookupReadyPickups(db, actor, { locationId: location, q });
    return Response.json(result, { headers: { 'Cache-Control': 'private, no-store' } });
  },
});
