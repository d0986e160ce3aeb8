import type { OpeningHours } from '@/db/schema/locations';
import type { PickupState } from './state-machine';

/** What the pickup queue shows (queries.ts reads it), without Drizzle: the queue page's client code imports it. */

/** The queue's tabs, in the order a store works through them. */
export const QUEUE_TABS = ['to_pick', 'awaiting_transfer', 'ready', 'due_soon', 'collected_today', 'expired'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** A ready parcel whose hold ends within this is due soon. */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;
/** How far back the Expired tab looks. */
export const EXPIRED_DAYS = 7;
/** Cards per tab: a store's queue is read on a screen, not exported. */
export const QUEUE_LIMIT = 200;

export type QueueStore = {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  openingHours: OpeningHours;
  preparationMinutes: number;
};

export type QueueCard = {
  pickupId: string;
  orderId: string;
  orderNumber: string;
  state: PickupState;
  customerName: string;
  /** `bin`: where the SKU sits in the store, when it has said (inventory_levels.bin). */
  items: { sku: string; name: string; title: string; quantity: number; bin: string | null }[];
  placedAt: string;
  /** When the store promised it ready (not yet ready), from its preparation time and opening hours. */
  promisedAt: string | null;
  late: boolean;
  dueBy: string | null;
  readyAt: string | null;
  code: string | null;
  transferNumber: string | null;
  closedAt: string | null;
};

export type PickupQueue = {
  store: QueueStore;
  now: string;
  tab: QueueTab;
  counts: Record<QueueTab, number> & { late: number };
  cards: QueueCard[];
};
