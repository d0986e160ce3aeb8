import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, locations, orders, pickups } from '@/db/schema';
import type { OpeningHours } from '@/db/schema/locations';
import type { PickupState } from '@/db/schema/pickup-states';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { localName } from '@/lib/i18n/local-name';

/** How long a tracking link keeps working after its pickup reached an end (collected, expired…). */
export const TRACKING_DAYS_AFTER_END = 30;

/** A tracking token as the database draws it (db/schema/pickups.ts): 24 base64url characters. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{24}$/;

/** Where the order is, as the customer is told: fewer words than the store's states. */
export type TrackingPhase = 'preparing' | 'awaiting_transfer' | 'ready' | 'collected' | 'expired' | 'cancelled';

const PHASE: Record<PickupState, TrackingPhase> = {
  placed: 'preparing',
  to_pick: 'preparing',
  awaiting_transfer: 'awaiting_transfer',
  ready: 'ready',
  collected: 'collected',
  expired: 'expired',
  rejected: 'cancelled',
  cancelled: 'cancelled',
};

/**
 * What the public tracking page shows, and nothing more: the customer's first name (no last name,
 * no e-mail, no phone, no address of theirs), the order number, the store, the phase, and the code
 * and hold end only while the parcel waits on the shelf.
 */
export type TrackedPickup = {
  firstName: string;
  /** The customer's language when they gave one: the page's language unless the browser says otherwise. */
  customerLocale: Locale | null;
  orderNumber: string;
  phase: TrackingPhase;
  code: string | null;
  holdEndsAt: string | null;
  readyAt: string | null;
  collectedAt: string | null;
  store: { name: string; address: string; city: string; timeZone: string; openingHours: OpeningHours };
};

/**
 * The pickup a tracking token opens, or null for a token of no pickup, of a malformed shape, or of
 * a pickup that ended more than TRACKING_DAYS_AFTER_END days before `now` — the caller answers all
 * alike (404), so a token says nothing about other tokens. One indexed read (the token is unique).
 */
export async function getTrackedPickup(
  db: DbOrTx,
  token: string,
  options: { now?: Date; locale?: Locale } = {},
): Promise<TrackedPickup | null> {
  if (!TOKEN_FORMAT.test(token)) return null;
  const now = options.now ?? new Date();
  const [row] = await db
    .select({
      state: pickups.state,
      code: pickups.code,
      dueBy: pickups.dueBy,
      readyAt: pickups.readyAt,
      collectedAt: pickups.collectedAt,
      closedAt: pickups.closedAt,
      orderNumber: orders.number,
      firstName: customers.firstName,
      customerLocale: customers.locale,
      store: {
        name: locations.name,
        names: locations.names,
        address: locations.address,
        city: locations.city,
        timeZone: locations.timeZone,
        openingHours: locations.openingHours,
      },
    })
    .from(pickups)
    .innerJoin(orders, eq(orders.id, pickups.orderId))
    .innerJoin(locations, eq(locations.id, pickups.locationId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(pickups.trackingToken, token))
    .limit(1);
  if (!row) return null;
  if (row.closedAt && row.closedAt.getTime() + TRACKING_DAYS_AFTER_END * 86_400_000 <= now.getTime()) return null;
  const phase = PHASE[row.state];
  const onShelf = phase === 'ready';
  return {
    firstName: row.firstName ?? '',
    customerLocale: isLocale(row.customerLocale) ? row.customerLocale : null,
    orderNumber: row.orderNumber,
    phase,
    code: onShelf ? row.code : null,
    holdEndsAt: onShelf ? (row.dueBy?.toISOString() ?? null) : null,
    readyAt: row.readyAt?.toISOString() ?? null,
    collectedAt: phase === 'collected' ? (row.collectedAt?.toISOString() ?? null) : null,
    store: {
      name: localName(row.store, options.locale),
      address: row.store.address,
      city: row.store.city,
      timeZone: row.store.timeZone,
      openingHours: row.store.openingHours,
    },
  };
}
