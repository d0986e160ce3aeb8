import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { Forbidden } from '@/lib/errors';
import { liveHubFor } from '@/lib/live/hub';
import { LIVE_STREAM_HEADERS, liveStream } from '@/lib/live/sse';
import { LIVE_TOPIC_PERMISSION, parseLiveTopic, type LiveTopic } from '@/lib/live/topics';
import { guardedRoute } from '@/lib/next/guarded-route';

// A stream held open for as long as the page is: Node (the hub's connection), never cached.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ZLiveQuery = z.object({
  topic: z
    .string()
    .max(100)
    .transform((topic, ctx) => {
      const parsed = parseLiveTopic(topic);
      if (!parsed) ctx.addIssue({ code: 'custom', message: 'Unknown topic.' });
      return parsed ? { ...parsed, topic: `${parsed.area}:${parsed.locationId}` satisfies LiveTopic } : z.NEVER;
    }),
});

/**
 * GET /api/backoffice/live?topic=pickups:<location id> — a list's live updates as server-sent
 * events (lib/live/sse.ts): any signed-in staff member may ask ('session.self'), and the topic's
 * own right at its location decides (LIVE_TOPIC_PERMISSION: a manager follows only their stores).
 */
export const GET = guardedRoute({
  permission: 'session.self',
  query: (params) => ZLiveQuery.parse({ topic: params.get('topic') ?? '' }).topic,
  invalidQuery: 'Give a topic as ?topic=pickups:<location id> or ?topic=orders:<location id>.',
  run: async ({ actor }, { area, locationId, topic }, request) => {
    if (!can(actor, LIVE_TOPIC_PERMISSION[area], locationId))
      throw new Forbidden('You may not follow this list: it is not one of your locations.');
    const hub = liveHubFor(await getDatabase());
    return new Response(liveStream(hub, topic, { signal: request.signal }), { headers: LIVE_STREAM_HEADERS });
  },
});
