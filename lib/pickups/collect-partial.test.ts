import type { z } from 'zod';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { customers, loyaltyEntries, orderEvents, orderLines, orders, pickupLines, pickups } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { getCustomerOverview } from '@/lib/customers/profile';
import { getCustomerProfileForActor } from '@/lib/customers/queries';
import { readKpiTotals } from '@/lib/kpis/read';
import { pointsForPaidCents } from '@/lib/loyalty/rules';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { paymentState } from '@/lib/orders/payment';
import { findOrderDetail, getOrderForActor } from '@/lib/orders/queries';
import { returnableUnits } from '@/lib/orders/returnable';
import { returnOrder } from '@/lib/orders/return-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { vatIncludedCents } from '@/lib/orders/tax';
import { SEED_INVARIANTS } from '@/lib/seed/invariants';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { addWebChannel, type Channel } from '@/lib/testing/orders';
import { acceptPartialOrder } from './accept-partial';
import { collectPickup } from './collect-pickup';
import { markReady } from './mark-ready';
import { pickLine } from './pick-line';
import { shortPick } from './short-pick';

// A parcel handed over in part: the customer pays only for what they took. The units left at the
// counter are refunded as units a store could not supply (refundUnitsNotSupplied), and a return
// afterwards refunds only what was taken: payment state, lifetime value, KPIs and loyalty agree.

let handle: DbHandle;
let w: InventoryWorld;
let web: Channel;
let n = 0;
const AT = new Date('2026-11-21T16:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 20 });
  web = await addWebChannel(handle.db);
});
afterAll(() => handle.close());

/**
 * Two PULL-S and one PULL-M at €50 to collect in Paris, €10 off and €4.99 of service: €144.99 charged
 * (VAT included), unless `totals` says otherwise.
 */
async function placeParcel(totals?: z.input<typeof ZIngestOrderInput>['totals']) {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `CP-${n}`,
      placedAt: '2026-11-21T15:00:00Z',
      currency: 'EUR',
      customer: { email: `collect${n}@example.fr`, firstName: 'Claire' },
      lines: [
        { sku: 'PULL-S', quantity: 2, unitPriceCents: 5000 },
        { sku: 'PULL-M', quantity: 1, unitPriceCents: 5000 },
      ],
      fulfilment: { type: 'pickup', locationCode: 'PAR' },
      totals: totals ?? {
        subtotalCents: 15000,
        discountCents: 1000,
        shippingCents: 499,
        totalCents: 14499,
        taxCents: vatIncludedCents(14499),
      },
    }),
  );
  const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, r.order.id));
  const [o] = await handle.db.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, r.order.id));
  return { orderId: r.order.id, pickupId: p.id, customerId: o.customerId! };
}

/** The order's lines, in line order. */
const linesOf = (orderId: string) =>
  handle.db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo));

/** Picks every line of the order as it now stands and makes it ready: its lines and its code. */
async function makeReady(orderId: string, pickupId: string) {
  const lines = await linesOf(orderId);
  for (const l of lines)
    await pickLine(handle.db, w.manager, { pickupId, orderLineId: l.id, quantity: l.quantity }, AT);
  const { pickup } = await markReady(handle.db, w.manager, { pickupId }, AT);
  return { lines, code: pickup.code! };
}

async function readyParcel() {
  const placed = await placeParcel();
  return { ...placed, ...(await makeReady(placed.orderId, placed.pickupId)) };
}

const paymentOf = async (orderId: string) => {
  const o = await getOrderForActor(handle.db, w.owner, orderId);
  return paymentState(o, o.events);
};
const ltvOf = async (customerId: string) =>
  (await handle.db.select().from(customers).where(eq(customers.id, customerId)))[0];
const pointsOf = async (orderId: string) =>
  (await handle.db.select().from(loyaltyEntries).where(eq(loyaltyEntries.orderId, orderId))).reduce(
    (s, e) => s + e.points,
    0,
  );
const kpi = () => readKpiTotals(handle.db, { channelId: web.id, locationId: w.paris });

describe('a partial hand-over', () => {
  it('refunds the units left at the counter, and a return afterwards only what was taken', async () => {
    const { orderId, pickupId, code, lines, customerId } = await readyParcel();
    const before = { kpi: await kpi(), customer: await ltvOf(customerId) };
    expect(before.customer).toMatchObject({ orderCount: 1, lifetimeValueCents: 14499 });

    // One PULL-S of two is taken; the other and the PULL-M stay at the counter.
    const r = await collectPickup(
      handle.db,
      w.manager,
      {
        pickupId,
        code,
        lines: [
          { orderLineId: lines[0].id, quantity: 1 },
          { orderLineId: lines[1].id, quantity: 0 },
        ],
      },
      AT,
    );
    // Left: €100 at line prices. What remains (€50) keeps its share of the discount, rounded up in
    // the customer's favour (€3.34 of €10), and the €4.99 stays: €51.65 paid, €93.34 refunded.
    expect(r).toMatchObject({ refundCents: 9334, currency: 'EUR' });
    const [order] = await handle.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order).toMatchObject({
      status: 'completed',
      subtotalCents: 5000,
      discountCents: 334,
      shippingCents: 499,
      totalCents: 5165,
      taxCents: vatIncludedCents(5165),
      itemCount: 1,
    });
    // The order keeps what was taken: the PULL-M line is gone, the PULL-S holds one (and one picked).
    const detail = (await findOrderDetail(handle.db, orderId))!;
    expect(detail.lines.map((l) => [l.sku, l.quantity, l.quantityTaken, returnableUnits(l)])).toEqual([
      ['PULL-S', 1, 1, 1],
    ]);
    const picked = await handle.db.select().from(pickupLines).where(eq(pickupLines.pickupId, pickupId));
    expect(picked.map((l) => [l.orderLineId, l.quantityPicked])).toEqual([[lines[0].id, 1]]);
    // The timeline says what was handed over, what was left and that a refund is due, and why.
    const events = detail.events.filter((e) => ['collected', 'left_at_counter', 'refund_due'].includes(e.type));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      [
        'collected',
        {
          lines: [
            { sku: 'PULL-S', quantity: 1, of: 2 },
            { sku: 'PULL-M', quantity: 0, of: 1 },
          ],
        },
      ],
      [
        'left_at_counter',
        {
          lines: [
            { sku: 'PULL-S', quantity: 1, unitPriceCents: 5000 },
            { sku: 'PULL-M', quantity: 1, unitPriceCents: 5000 },
          ],
          units: 2,
        },
      ],
      ['refund_due', { cents: 9334, currency: 'EUR', reason: 'left_at_counter' }],
    ]);

    // Payment: paid as charged, the left-behind refund as its own kind, net what the customer took.
    expect(await paymentOf(orderId)).toMatchObject({
      paidCents: 14499,
      refundedCents: 9334,
      netCents: 5165,
      status: 'partially_refunded',
      refunds: [{ kind: 'left_at_counter', cents: 9334, reason: null }],
    });
    // Lifetime value and the rollup lose the same €93.34 (and the two units); the order still counts.
    const afterCollect = { kpi: await kpi(), customer: await ltvOf(customerId) };
    expect(afterCollect.customer).toMatchObject({ orderCount: 1, lifetimeValueCents: 5165 });
    expect(diff(afterCollect.kpi, before.kpi)).toEqual({ revenueCents: -9334, units: -2, pickupsCollected: 1 });
    const overview = await getCustomerOverview(
      handle.db,
      w.owner,
      await getCustomerProfileForActor(handle.db, w.owner, customerId),
    );
    expect(overview.averageOrderValueCents).toBe(5165);
    // Loyalty as before: points on what was taken.
    expect(await pointsOf(orderId)).toBe(pointsForPaidCents(5165));
    await expectCoherent();

    // The unit taken comes back: refunded as it was paid, once (its €50 less the €3.34 of the discount
    // it kept; the €4.99 of service stays, as on any full return); nothing left behind is refunded again.
    await expect(
      returnOrder(handle.db, w.owner, {
        orderId,
        locationId: w.paris,
        reason: 'Too small',
        lines: [{ lineId: lines[0].id, quantity: 2, restock: true }],
      }),
    ).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(
      returnOrder(handle.db, w.owner, {
        orderId,
        locationId: w.paris,
        reason: 'Too small',
        lines: [{ lineId: lines[1].id, quantity: 1, restock: true }],
      }),
    ).rejects.toMatchObject({ code: 'unprocessable' });
    expect(
      await returnOrder(handle.db, w.owner, {
        orderId,
        locationId: w.paris,
        reason: 'Too small',
        lines: [{ lineId: lines[0].id, quantity: 1, restock: true }],
      }),
    ).toEqual({ units: 1, cents: 4666 });
    // At its line price (€50) the refunds came to €143.34 and the customer kept €1.65, less than the
    // service: the €3.34 of discount the unit had kept was refunded too.
    const payment = await paymentOf(orderId);
    expect(payment).toMatchObject({
      paidCents: 14499,
      refundedCents: 9334 + 4666,
      netCents: 499,
      status: 'partially_refunded',
      refunds: [
        { kind: 'left_at_counter', cents: 9334 },
        { kind: 'return', cents: 4666, reason: 'Too small' },
      ],
    });
    expect((await handle.db.select().from(orders).where(eq(orders.id, orderId)))[0].status).toBe('returned');
    // What the customer is still charged is their lifetime value, and the rollup's revenue less its returns.
    const afterReturn = { kpi: await kpi(), customer: await ltvOf(customerId) };
    expect(afterReturn.customer).toMatchObject({ orderCount: 1, lifetimeValueCents: payment.netCents });
    expect(diff(afterReturn.kpi, afterCollect.kpi)).toEqual({ returns: 1, returnedCents: 4666 });
    expect(afterReturn.kpi.revenueCents - afterReturn.kpi.returnedCents).toBe(
      before.kpi.revenueCents - before.kpi.returnedCents - 14499 + payment.netCents,
    );
    expect(await pointsOf(orderId)).toBe(0);
    await expectCoherent();
  });

  it('refunds nothing when everything is taken', async () => {
    const { orderId, pickupId, code } = await readyParcel();
    const before = await kpi();
    const r = await collectPickup(handle.db, w.manager, { pickupId, code }, AT);
    expect(r.refundCents).toBe(0);
    expect(await paymentOf(orderId)).toMatchObject({ paidCents: 14499, refundedCents: 0, status: 'paid' });
    const types = (await handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId))).map(
      (e) => e.type,
    );
    expect(types).not.toContain('left_at_counter');
    expect(types).not.toContain('refund_due');
    expect(diff(await kpi(), before)).toEqual({ pickupsCollected: 1 });
    await expectCoherent();
  });

  it('a short pick accepted, then units left at the counter: two refunds, each of its kind', async () => {
    const { orderId, pickupId } = await placeParcel();
    const placed = await linesOf(orderId);
    await shortPick(handle.db, w.manager, { pickupId, orderLineId: placed[0].id, quantity: 1, reason: 'damaged' }, AT);
    // One PULL-S not supplied: €50 less its €3.33 of the discount (what remains keeps €6.67), €46.67 refunded.
    expect(await acceptPartialOrder(handle.db, w.manager, { pickupId }, AT)).toMatchObject({ refundCents: 4667 });
    const { lines, code } = await makeReady(orderId, pickupId);
    expect(lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['PULL-S', 1],
      ['PULL-M', 1],
    ]);
    // The PULL-M stays at the counter: €50 less its share of what remains of the discount, €46.67 again.
    const r = await collectPickup(
      handle.db,
      w.manager,
      { pickupId, code, lines: [{ orderLineId: lines[0].id, quantity: 1 }] },
      AT,
    );
    expect(r.refundCents).toBe(4667);
    expect(await paymentOf(orderId)).toMatchObject({
      paidCents: 14499,
      refundedCents: 9334,
      netCents: 5165,
      refunds: [
        { kind: 'short_pick', cents: 4667 },
        { kind: 'left_at_counter', cents: 4667 },
      ],
    });
    const detail = (await findOrderDetail(handle.db, orderId))!;
    expect(detail).toMatchObject({ totalCents: 5165 });
    expect(detail.lines.map((l) => [l.sku, l.quantity, l.quantityTaken])).toEqual([['PULL-S', 1, 1]]);
    await expectCoherent();
  });
});

describe('an order with tax on top', () => {
  it('refunds each unit not supplied or returned with its share of the tax, the service keeping its own', async () => {
    // The same parcel from a channel pricing without tax: €144.99 taxed (€150 − €10 + €4.99) and
    // €29.00 of tax on top (20 %, as the channel rounded it): €173.99 charged.
    const { orderId, pickupId, customerId } = await placeParcel({
      subtotalCents: 15000,
      discountCents: 1000,
      shippingCents: 499,
      taxCents: 2900,
      totalCents: 17399,
    });
    const before = await kpi();
    const placed = await linesOf(orderId);
    await shortPick(handle.db, w.manager, { pickupId, orderLineId: placed[0].id, quantity: 1, reason: 'damaged' }, AT);
    // One PULL-S not supplied: €46.67 of goods as on any order (€50 less its €3.33 of the discount;
    // €98.32 stays taxed), and its tax: what remains keeps 2900 × 9832 / 14499 = €19.66 (rounded
    // down for the customer), so €9.34 comes back: €56.01 (the rule refunded all €29 of tax: €75.67).
    expect(await acceptPartialOrder(handle.db, w.manager, { pickupId }, AT)).toMatchObject({ refundCents: 5601 });
    const [order] = await handle.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order).toMatchObject({
      subtotalCents: 10000,
      discountCents: 667,
      shippingCents: 499,
      taxCents: 1966,
      totalCents: 9832 + 1966,
    });
    expect(await paymentOf(orderId)).toMatchObject({
      paidCents: 17399,
      refundedCents: 5601,
      netCents: 11798,
      refunds: [{ kind: 'short_pick', cents: 5601 }],
    });
    expect(diff(await kpi(), before)).toEqual({ revenueCents: -5601, units: -1 });
    await expectCoherent();

    const { code } = await makeReady(orderId, pickupId);
    await collectPickup(handle.db, w.manager, { pickupId, code }, AT);
    const lines = await linesOf(orderId);
    const back = (line: (typeof lines)[number]) =>
      returnOrder(handle.db, w.owner, {
        orderId,
        locationId: w.paris,
        reason: 'Too small',
        lines: [{ lineId: line.id, quantity: 1, restock: true }],
      });
    // The PULL-S comes back: €46.67 of goods (the PULL-M keeps €3.34 of the €6.67 left of the
    // discount) and its tax: what remains keeps 1966 × 5165 / 9832 = €10.32, so €9.34: €56.01.
    expect(await back(lines[0])).toEqual({ units: 1, cents: 5601 });
    // Then the PULL-M: €46.66 of goods and the tax but the service's share (1966 × 499 / 9832 = €0.99).
    expect(await back(lines[1])).toEqual({ units: 1, cents: 4666 + 1032 - 99 });
    // What stays paid is the service and its tax; the refunds add up to the rest, never more.
    const payment = await paymentOf(orderId);
    expect(payment).toMatchObject({
      paidCents: 17399,
      refundedCents: 5601 + 5601 + 5599,
      netCents: 499 + 99,
      refunds: [
        { kind: 'short_pick', cents: 5601 },
        { kind: 'return', cents: 5601 },
        { kind: 'return', cents: 5599 },
      ],
    });
    expect((await ltvOf(customerId)).lifetimeValueCents).toBe(payment.netCents);
    expect(await pointsOf(orderId)).toBe(0);
    // The rollup and the customer's summary rebuilt by the SQL twin agree with what the use cases wrote.
    await expectCoherent();
  });
});

/** Counters that moved between two readings of the rollup. */
function diff(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(a).flatMap((k) => (a[k] !== b[k] ? [[k, a[k] - b[k]]] : [])));
}

/** What was written adds up: the orders' totals, the rollups and the customers' summaries rebuilt from the orders. */
async function expectCoherent() {
  for (const name of [
    'ledger sums equal inventory rows',
    'reserved equals active reservations',
    'order totals add up',
    'kpi_daily equals the orders',
    'customer summaries equal their orders',
    'active reservations belong to open orders',
  ] as const) {
    expect((await handle.db.execute(sql.raw(SEED_INVARIANTS[name]))).rows, name).toEqual([]);
  }
}
