import type { Permission } from '@/lib/auth/permissions';
import { isUuid } from '@/lib/uuid';

/**
 * What the back office can follow live, one topic per list and location: `pickups:<locationId>`
 * (a store's pickup queue), `orders:<locationId>` (the orders taken or collected at a location).
 * Plain constants, no zod: the browser builds topics with the same functions.
 */
export const LIVE_TOPIC_AREAS = ['pickups', 'orders'] as const;
export type LiveTopicArea = (typeof LIVE_TOPIC_AREAS)[number];
export type LiveTopic = `${LiveTopicArea}:${string}`;

/** The right a topic needs, at its location (a manager only for their own locations). */
export const LIVE_TOPIC_PERMISSION: Record<LiveTopicArea, Permission> = {
  pickups: 'pickups.view',
  orders: 'orders.view',
};

export const liveTopic = {
  pickups: (locationId: string): LiveTopic => `pickups:${locationId}`,
  orders: (locationId: string): LiveTopic => `orders:${locationId}`,
};

/** A topic's area and location, or null for anything else (an unknown area, a location that is no id). */
export function parseLiveTopic(topic: string): { area: LiveTopicArea; locationId: string } | null {
  const at = topic.indexOf(':');
  if (at < 0) return null;
  const area = topic.slice(0, at);
  const locationId = topic.slice(at + 1).toLowerCase();
  if (!(LIVE_TOPIC_AREAS as readonly string[]).includes(area) || !isUuid(locationId)) return null;
  return { area: area as LiveTopicArea, locationId };
}

/**
 * What happened, in a word: the page refetches what it shows, so the event only has to say that
 * something changed and what (to highlight it, or to ignore what it does not show).
 */
export type LiveEventKind = 'order.placed' | 'order.cancelled' | 'pickup.changed';

/** One announcement, as the database sends it (a few dozen bytes; NOTIFY's limit is 8,000). */
export type LiveEvent = { topic: LiveTopic; kind: LiveEventKind; id: string; at: string };

/** The NOTIFY channel every announcement goes through; topics are in the payload. */
export const LIVE_CHANNEL = 'comptoir_live';
