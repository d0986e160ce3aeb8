import type { z } from 'zod';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { customers, loyaltyEntries, orderEvents, orderLines, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { readKpiTotals } from '@/lib/kpis/read';
import { pointsForPaidCents } from '@/lib/loyalty/rules';
import { SEED_INVARIANTS } from '@/lib/seed/invariants';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { collectPickup } from '@/lib/pickups/collect-pickup';
import { markReady } from '@/lib/pickups/mark-ready';
import { addWebChannel, placePickupOrder, type Channel } from '@/lib/testing/orders';
import { reducedAmounts, returnRefundCents } from './amounts';
import { cancelOrder } from './cancel-order';
import { ingestOrder } from './ingest-order';
import { paymentState } from './payment';
import { getOrderForActor } from './queries';
import { returnOrder } from './return-order';
import { ZIngestOrderInput } from './schemas';
import { shipOrder } from './ship-order';

// What the order page says was paid and refunded: the channel's total, then Comptoir's refunds.

let handle: DbHandle;
let w: InventoryWorld;
let web: Channel;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 20 });
  web = await addWebChannel(handle.db);
});
afterAll(() => handle.close());

/** Two PULL-S at €49.95 plus €4.99 shipping: €104.89 charged (unless `order` says otherwise). */
async function place(order: Partial<z.input<typeof ZIngestOrderInput>> = {}) {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `P-${n}`,
      placedAt: new Date().toISOString(),
      currency: 'EUR',
      lines: [{ sku: 'PULL-S', quantity: 2, unitPriceCents: 4995 }],
      fulfilment: { type: 'ship', address: { line1: '1 rue', postalCode: '75001', city: 'Paris', country: 'FR' } },
      totals: { subtotalCents: 9990, shippingCents: 499, totalCents: 10489 },
      ...order,
    }),
  );
  return r.order.id;
}
const stateOf = async (id: string) => {
  const o = await getOrderForActor(handle.db, w.owner, id);
  return paymentState(o, o.events);
};

describe('payment state', () => {
  it('an order as the channel sent it is paid in full', async () => {
    expect(await stateOf(await place())).toMatchObject({
      paidCents: 10489,
      refundedCents: 0,
      netCents: 10489,
      status: 'paid',
      refunds: [],
    });
  });

  it('each return refunds its units at their price; all of them back is refunded but the shipping', async () => {
    const id = await place();
    await shipOrder(handle.db, w.owner, { orderId: id });
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, id));
    const ret = (quantity: number) =>
      returnOrder(handle.db, w.owner, {
        orderId: id,
        locationId: w.paris,
        reason: 'Too small',
        lines: [{ lineId: line.id, quantity, restock: true }],
      });
    await ret(1);
    expect(await stateOf(id)).toMatchObject({
      paidCents: 10489,
      refundedCents: 4995,
      netCents: 5494,
      status: 'partially_refunded',
      refunds: [{ kind: 'return', cents: 4995, reason: 'Too small' }],
    });
    await ret(1);
    const after = await stateOf(id);
    expect(after).toMatchObject({ refundedCents: 9990, netCents: 499, status: 'partially_refunded' });
    expect(after.refunds).toHaveLength(2);
  });

  it('on an order with tax on top, each return refunds its units with their share of the tax', async () => {
    // A channel pricing without tax: €104.89 taxed (two PULL-S at €49.95 and €4.99 shipping) and
    // €20.98 of tax on top: €125.87 charged.
    const id = await place({ totals: { subtotalCents: 9990, shippingCents: 499, taxCents: 2098, totalCents: 12587 } });
    await shipOrder(handle.db, w.owner, { orderId: id });
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, id));
    const ret = () =>
      returnOrder(handle.db, w.owner, {
        orderId: id,
        locationId: w.paris,
        reason: 'Too small',
        lines: [{ lineId: line.id, quantity: 1, restock: true }],
      });
    // €49.95 and its tax: what remains keeps 2098 × 5494 / 10489 = €10.98 (rounded down), so €11.00
    // back (the rule refunded only €49.95 before, the tax staying charged).
    expect(await ret()).toEqual({ units: 1, cents: 4995 + 1000 });
    // The last one: the shipping keeps its tax, 2098 × 499 / 10489 = €0.99.
    expect(await ret()).toEqual({ units: 1, cents: 4995 + 1098 - 99 });
    expect(await stateOf(id)).toMatchObject({ paidCents: 12587, refundedCents: 11989, netCents: 499 + 99 });
    // The rollup rebuilt from the orders by the SQL twin counts the same refunds.
    expect((await handle.db.execute(sql.raw(SEED_INVARIANTS['kpi_daily equals the orders']))).rows).toEqual([]);
  });

  it('on a discounted order, each return refunds its units’ share of the price paid, and all back the goods as paid', async () => {
    // Two PULL-S at €29.95 and a PULL-M at €40: €99.90 of items, €10 off, €4.99 shipping: €94.89 charged.
    const id = await place({
      customer: { email: 'dora.discount@example.fr', firstName: 'Dora' },
      lines: [
        { sku: 'PULL-S', quantity: 2, unitPriceCents: 2995 },
        { sku: 'PULL-M', quantity: 1, unitPriceCents: 4000 },
      ],
      totals: { subtotalCents: 9990, discountCents: 1000, shippingCents: 499, totalCents: 9489 },
    });
    await shipOrder(handle.db, w.owner, { orderId: id });
    const [order] = await handle.db.select().from(orders).where(eq(orders.id, id));
    const customerId = order.customerId!;
    const lines = await handle.db
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, id))
      .orderBy(asc(orderLines.lineNo));
    const kpi = () => readKpiTotals(handle.db, { channelId: web.id, locationId: null });
    const ltv = async () =>
      (await handle.db.select().from(customers).where(eq(customers.id, customerId)))[0].lifetimeValueCents;
    const points = async () =>
      (await handle.db.select().from(loyaltyEntries).where(eq(loyaltyEntries.orderId, id))).reduce(
        (sum, e) => sum + e.points,
        0,
      );
    expect(await points()).toBe(94);

    // The PULL-M first, then each PULL-S: what remains keeps its share of the €10, rounded up for
    // the customer (€6.00 of €59.90, then €3.00 of €29.95), so the refunds are €36.00, €26.95 and
    // €26.95 (at line prices they were €40, €29.95 and €29.95: €0.11 more than the goods cost).
    const returns = [
      { line: lines[1], cents: 3600, paidAfter: 5889 },
      { line: lines[0], cents: 2695, paidAfter: 3194 },
      { line: lines[0], cents: 2695, paidAfter: 499 },
    ];
    let returnedBefore = 0;
    let refunded = 0;
    for (const [i, step] of returns.entries()) {
      const before = await kpi();
      const got = await returnOrder(handle.db, w.owner, {
        orderId: id,
        locationId: w.paris,
        reason: 'Too small',
        lines: [{ lineId: step.line.id, quantity: 1, restock: true }],
      });
      // What reducedAmounts says: the order's total without the units back before, less without this one too.
      expect(got).toEqual({ units: 1, cents: returnRefundCents(order, returnedBefore, step.line.unitPriceCents) });
      expect(got.cents).toBe(step.cents);
      expect(reducedAmounts(order, returnedBefore + step.line.unitPriceCents).totalCents).toBe(step.paidAfter);
      returnedBefore += step.line.unitPriceCents;
      refunded += got.cents;

      const state = await stateOf(id);
      expect(state).toMatchObject({ paidCents: 9489, refundedCents: refunded, netCents: step.paidAfter });
      expect(state.refunds.map((x) => [x.kind, x.cents])).toEqual(
        returns.slice(0, i + 1).map((x) => ['return', x.cents]),
      );
      expect(state.refundedCents).toBeLessThanOrEqual(state.paidCents);
      // The customer's lifetime value is what they are still charged, never below zero.
      expect(await ltv()).toBe(state.netCents);
      expect(await ltv()).toBeGreaterThanOrEqual(0);
      // The rollup counts the refund; loyalty keeps the points of what is still paid, none once all is back.
      const after = await kpi();
      expect([after.returns - before.returns, after.returnedCents - before.returnedCents]).toEqual([1, step.cents]);
      expect(await points()).toBe(i === returns.length - 1 ? 0 : pointsForPaidCents(step.paidAfter));
      // The rollups and the customer's summary rebuilt from the orders by the SQL twin agree.
      for (const name of ['kpi_daily equals the orders', 'customer summaries equal their orders'] as const) {
        expect((await handle.db.execute(sql.raw(SEED_INVARIANTS[name]))).rows, name).toEqual([]);
      }
    }
    // Every unit back: the goods as paid (€99.90 − €10) are refunded, the shipping stays.
    expect(await stateOf(id)).toMatchObject({ refundedCents: 8990, netCents: 499, status: 'partially_refunded' });
    const [returned] = await handle.db
      .select({ data: orderEvents.data })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, id))
      .orderBy(sql`${orderEvents.createdAt} desc, ${orderEvents.id} desc`)
      .limit(1);
    expect(returned.data).toMatchObject({ units: 1, cents: 2695 });
  });

  it('a cancelled order is refunded in full', async () => {
    const id = await place();
    await cancelOrder(handle.db, w.owner, { orderId: id, reason: 'Customer asked' });
    expect(await stateOf(id)).toMatchObject({
      paidCents: 10489,
      refundedCents: 10489,
      netCents: 0,
      status: 'refunded',
      refunds: [{ kind: 'cancellation', cents: 10489, reason: 'Customer asked' }],
    });
  });

  it('units left at the counter are refunded as their own kind; a return after refunds only what was taken', async () => {
    const { orderId, pickupId } = await placePickupOrder(handle.db, web, {
      lines: [
        { sku: 'PULL-S', quantity: 2 },
        { sku: 'PULL-M', quantity: 1 },
      ],
    });
    const { pickup } = await markReady(handle.db, w.owner, { pickupId });
    const lines = await handle.db
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, orderId))
      .orderBy(asc(orderLines.lineNo));
    await collectPickup(handle.db, w.owner, {
      pickupId,
      code: pickup.code!,
      lines: [
        { orderLineId: lines[0].id, quantity: 1 },
        { orderLineId: lines[1].id, quantity: 0 },
      ],
    });
    // €150 charged, one PULL-S taken: the other and the PULL-M (€100) are refunded.
    expect(await stateOf(orderId)).toMatchObject({
      paidCents: 15000,
      refundedCents: 10000,
      netCents: 5000,
      status: 'partially_refunded',
      refunds: [{ kind: 'left_at_counter', cents: 10000, reason: null }],
    });
    await returnOrder(handle.db, w.owner, {
      orderId,
      locationId: w.paris,
      reason: 'Changed my mind',
      lines: [{ lineId: lines[0].id, quantity: 1, restock: true }],
    });
    expect(await stateOf(orderId)).toMatchObject({
      paidCents: 15000,
      refundedCents: 15000,
      netCents: 0,
      status: 'refunded',
      refunds: [
        { kind: 'left_at_counter', cents: 10000 },
        { kind: 'return', cents: 5000, reason: 'Changed my mind' },
      ],
    });
  });

  it('tells a refund of units left at the counter from one of units not supplied by its reason', () => {
    const at = new Date();
    const refunds = paymentState({ status: 'completed', totalCents: 5000 }, [
      { type: 'refund_due', data: { cents: 100, reason: 'short_pick' }, createdAt: at },
      { type: 'refund_due', data: { cents: 200, reason: 'left_at_counter' }, createdAt: at },
      { type: 'refund_due', data: { cents: 300 }, createdAt: at },
    ]).refunds;
    expect(refunds.map((r) => [r.kind, r.cents])).toEqual([
      ['short_pick', 100],
      ['left_at_counter', 200],
      ['short_pick', 300],
    ]);
  });

  it('units a store could not supply (refund_due) were paid and are refunded', () => {
    const at = new Date();
    expect(
      paymentState({ status: 'confirmed', totalCents: 5494 }, [
        { type: 'refund_due', data: { cents: 4995, reason: 'short_pick' }, createdAt: at },
      ]),
    ).toMatchObject({ paidCents: 10489, refundedCents: 4995, netCents: 5494, status: 'partially_refunded' });
  });
});
