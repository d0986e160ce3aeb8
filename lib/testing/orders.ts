import { eq } from 'drizzle-orm';
import type { Db, DbHandle } from '@/db/client';
import { channels, locations, pickups } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { makeInventoryWorld, type InventoryWorld } from './fixtures';

export type Channel = typeof channels.$inferSelect;

/** The web shop channel, the one most tests order through. */
export async function addWebChannel(db: Db): Promise<Channel> {
  const [web] = await db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
  return web;
}

/** Monday–Saturday 10:00–19:00 (closed on Sunday). */
export const SHOP_HOURS = Object.fromEntries(['1', '2', '3', '4', '5', '6'].map((d) => [d, [['10:00', '19:00']]]));

/** A store's pickup schedule for tests of promises and holds: SHOP_HOURS, two hours to prepare, three days' hold. */
export async function setPickupSchedule(db: Db, locationId: string): Promise<void> {
  await db
    .update(locations)
    .set({ openingHours: SHOP_HOURS, preparationMinutes: 120, holdDays: 3 })
    .where(eq(locations.id, locationId));
}

/**
 * What a test of the pickup lists starts from: a fresh database, the inventory world with 50 of
 * each SKU everywhere, the web channel, and Paris on the pickup schedule (setPickupSchedule).
 */
export async function makePickupWorld(): Promise<{ handle: DbHandle; w: InventoryWorld; web: Channel }> {
  const handle = await createTestDatabase();
  const w = await makeInventoryWorld(handle.db, { stock: 50 });
  const web = await addWebChannel(handle.db);
  await setPickupSchedule(handle.db, w.paris);
  return { handle, w, web };
}

let placed = 0;

/**
 * A click-and-collect order placed through ingestion, as a channel sends it: by default one
 * PULL-M at €50 to collect in Paris, placed now, by a customer of its own (a numbered e-mail).
 * The order is priced from its lines (no shipping, no discount).
 */
export async function placePickupOrder(
  db: Db,
  channel: Channel,
  spec: {
    store?: string;
    placedAt?: string;
    lines?: { sku: string; quantity: number; unitPriceCents?: number }[];
    customer?: { email?: string; firstName?: string; lastName?: string };
  } = {},
): Promise<{ orderId: string; number: string; pickupId: string }> {
  placed += 1;
  const lines = (spec.lines ?? [{ sku: 'PULL-M', quantity: 1 }]).map((l) => ({ unitPriceCents: 5000, ...l }));
  const total = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  const r = await ingestOrder(
    db,
    channel,
    ZIngestOrderInput.parse({
      externalId: `PU-${placed}`,
      placedAt: spec.placedAt ?? new Date().toISOString(),
      currency: 'EUR',
      customer: { email: `pickup${placed}@example.fr`, firstName: 'Claire', lastName: 'Martin', ...spec.customer },
      lines,
      fulfilment: { type: 'pickup', locationCode: spec.store ?? 'PAR' },
      totals: { subtotalCents: total, totalCents: total },
    }),
  );
  const [p] = await db.select({ id: pickups.id }).from(pickups).where(eq(pickups.orderId, r.order.id));
  return { orderId: r.order.id, number: r.order.number, pickupId: p.id };
}
