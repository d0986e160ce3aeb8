import { readKpiTotals } from '@/lib/kpis/read';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, customers, orderEvents, orderLines, orders, pickups } from '@/db/schema';
import { SEED_INVARIANTS } from '@/lib/seed/invariants';
import { createTestDatabase } from '@/db/testing';
import { findDrift } from '@/lib/inventory/invariants';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { cancelOrder } from './cancel-order';
import { confirmOrder } from './confirm-order';
import { ingestOrder } from './ingest-order';
import { returnOrder } from './return-order';
import { ZIngestOrderInput } from './schemas';
import { shipOrder } from './ship-order';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
});
afterAll(() => handle.close());

async function place(fulfilment: Record<string, unknown>, qty = 2) {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `L-${n}`,
      placedAt: '2026-11-21T15:00:00Z',
      currency: 'EUR',
      customer: { email: 'paul@example.fr' },
      lines: [{ sku: 'PULL-M', quantity: qty, unitPriceCents: 5000 }],
      fulfilment,
      totals: { subtotalCents: 5000 * qty, totalCents: 5000 * qty },
    }),
  );
  return r.order.id;
}
const SHIP = { type: 'ship', address: { line1: '3 quai', postalCode: '69002', city: 'Lyon', country: 'FR' } };

/** The lifetime value of the customer who placed the order. */
async function lifetimeValueOf(orderId: string) {
  const [c] = await handle.db
    .select({ ltv: customers.lifetimeValueCents })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, orderId));
  return c.ltv;
}
/** Customers whose stored summary differs from the one recomputed from their orders (rollups.ts). */
async function summaryDrift() {
  return (await handle.db.execute(sql.raw(SEED_INVARIANTS['customer summaries equal their orders']))).rows;
}
async function statusOf(id: string) {
  return (await handle.db.select({ s: orders.status }).from(orders).where(eq(orders.id, id)))[0].s;
}

describe('order lifecycle', () => {
  it('confirms, ships (consuming the reservation) and takes a partial then full return at another store', async () => {
    const id = await place(SHIP);
    await confirmOrder(handle.db, w.agent, id);
    await confirmOrder(handle.db, w.agent, id); // retry
    await shipOrder(handle.db, w.owner, { orderId: id, carrier: 'Colissimo' });
    expect(await level(handle.db, w.skus[1].id, w.warehouse)).toEqual({ onHand: 8, reserved: 0 });
    expect(await statusOf(id)).toBe('shipped');

    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, id));
    await returnOrder(handle.db, w.manager, {
      orderId: id,
      locationId: w.paris,
      reason: 'wrong size',
      lines: [{ lineId: line.id, quantity: 1, restock: true }],
    });
    expect(await statusOf(id)).toBe('shipped');
    expect(await level(handle.db, w.skus[1].id, w.paris)).toEqual({ onHand: 11, reserved: 0 });
    // Lifetime value is what the customer paid net of refunds: 2 × 50 € paid, 50 € refunded.
    expect(await lifetimeValueOf(id)).toBe(5000);
    await returnOrder(handle.db, w.manager, {
      orderId: id,
      locationId: w.paris,
      reason: 'damaged',
      lines: [{ lineId: line.id, quantity: 1, restock: false }],
    });
    expect(await statusOf(id)).toBe('returned');
    expect(await level(handle.db, w.skus[1].id, w.paris)).toEqual({ onHand: 11, reserved: 0 });
    expect(await lifetimeValueOf(id)).toBe(0); // a refund without restock is still a refund
    await expect(
      returnOrder(handle.db, w.owner, {
        orderId: id,
        locationId: w.paris,
        reason: 'x',
        lines: [{ lineId: line.id, quantity: 1, restock: true }],
      }),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
    const events = await handle.db
      .select({ type: orderEvents.type })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, id))
      .orderBy(orderEvents.id);
    expect(events.map((e) => e.type)).toEqual([
      'placed',
      'reserved',
      'confirmed',
      'shipped',
      'partially_returned',
      'returned',
    ]);
    expect(await findDrift(handle.db)).toEqual([]);
    expect(await summaryDrift()).toEqual([]);
  });

  it('cancels a pickup: stock back, pickup cancelled, KPI and lifetime value drop the order', async () => {
    const id = await place({ type: 'pickup', locationCode: 'PAR' }, 3);
    expect((await level(handle.db, w.skus[1].id, w.paris)).reserved).toBe(3);
    const k0 = await readKpiTotals(handle.db, { locationId: w.paris });
    await cancelOrder(handle.db, w.manager, { orderId: id, reason: 'customer request' });
    expect((await level(handle.db, w.skus[1].id, w.paris)).reserved).toBe(0);
    expect((await handle.db.select({ s: pickups.state }).from(pickups).where(eq(pickups.orderId, id)))[0].s).toBe(
      'cancelled',
    );
    const k1 = await readKpiTotals(handle.db, { locationId: w.paris });
    expect(k1.cancelledOrders - k0.cancelledOrders).toBe(1);
    expect(k0.revenueCents - k1.revenueCents).toBe(15000);
    expect(await lifetimeValueOf(id)).toBe(0); // the first test's order, all of it refunded, and this one cancelled
    await expect(shipOrder(handle.db, w.owner, { orderId: id })).rejects.toMatchObject({ code: 'illegal_transition' });
    expect(await findDrift(handle.db)).toEqual([]);
    expect(await summaryDrift()).toEqual([]);
  });

  it('keeps managers to orders of their locations', async () => {
    const lyon = await place({ type: 'pickup', locationCode: 'LYS' }, 1);
    await expect(cancelOrder(handle.db, w.manager, { orderId: lyon, reason: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(confirmOrder(handle.db, w.manager, lyon)).rejects.toMatchObject({ code: 'forbidden' });
    const ship = await place(SHIP, 1); // reserved at the warehouse
    await expect(shipOrder(handle.db, w.manager, { orderId: ship })).rejects.toMatchObject({ code: 'forbidden' });
    await cancelOrder(handle.db, w.agent, { orderId: lyon, reason: 'agent on the phone' });
    expect(await statusOf(lyon)).toBe('cancelled');
  });
});
