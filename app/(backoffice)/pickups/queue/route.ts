import { z } from 'zod';
import { getI18n } from '@/lib/next/i18n';
import { guardedRoute } from '@/lib/next/guarded-route';
import { getPickupQueue, QUEUE_TABS } from '@/lib/pickups/queries';

const ZQueueQuery = z.object({ location: z.uuid(), tab: z.enum(QUEUE_TABS).default('to_pick') });

/**
 * GET /pickups/queue?location=…&tab=… — one store's pickup queue (PickupQueue): the counts of
 * every tab and one tab's cards, for the queue page to refetch when the live stream says so. A
 * manager gets only their stores' (403 otherwise).
 */
export const GET = guardedRoute({
  permission: 'pickups.view',
  query: (params) => ZQueueQuery.parse({ location: params.get('location') ?? '', tab: params.get('tab') ?? undefined }),
  invalidQuery: 'Give a store as ?location=<id> and, optionally, a tab: ' + QUEUE_TABS.join(', ') + '.',
  run: async ({ actor, db }, { location, tab }) => {
    const queue = await getPickupQueue(db, actor, { locationId: location, tab, locale: (await getI18n()).locale });
    return Response.json(queue, { headers: { 'Cache-Control': 'private, no-store' } });
  },
});
