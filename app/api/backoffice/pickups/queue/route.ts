import { z } from 'zod';
import { guardedRoute } from '@/lib/next/guarded-route';
import { getPickupQueue, QUEUE_TABS } from '@/lib/pickups/queries';
import { ZLocale } from '@/lib/i18n/schemas';

const ZQueueQuery = z.object({
  location: z.uuid(),
  tab: z.enum(QUEUE_TABS).default('to_pick'),
  locale: ZLocale.optional(),
});

/**
 * GET /api/backoffice/pickups/queue?location=<id>&tab=<tab> — one store's pickup queue (counts of
 * every tab and one tab's cards) for the live list of /pickups, which refetches it on each
 * announcement of pickups:<location>. A manager reads only their stores' queues (getPickupQueue).
 */
export const GET = guardedRoute({
  permission: 'pickups.view',
  query: (params) =>
    ZQueueQuery.parse({
      location: params.get('location') ?? '',
      tab: params.get('tab') ?? undefined,
      locale: params.get('locale') ?? undefined,
    }),
  invalidQuery: `Give a store as ?location=<id> and optionally a tab (${QUEUE_TABS.join(', ')}).`,
  run: async ({ actor, db }, query) => {
    const queue = await getPickupQueue(db, actor, { locationId: query.location, tab: query.tab, locale: query.locale });
    return Response.json(queue, { headers: { 'Cache-Control': 'private, no-store' } });
  },
});
