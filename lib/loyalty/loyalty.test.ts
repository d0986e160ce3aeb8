import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, channels, loyaltyEntries, orderLines, orders, pickups } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { cancelOrder } from '@/lib/orders/cancel-order';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { returnOrder } from '@/lib/orders/return-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { shipOrder } from '@/lib/orders/ship-order';
import { collectPickup } from '@/lib/pickups/collect-pickup';
import { markReady } from '@/lib/pickups/mark-ready';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { changePoints } from './change-points';
import { balanceOf, earnOrderPoints } from './ledger';
import { getLoyaltySummary } from './queries';
import { pointsForPaidCents } from './rules';
import { ZChangePointsInput } from './schemas';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 50 });
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
});
afterAll(() => handle?.close());

const SHIP = { type: 'ship', address: { line1: '3 quai', postalCode: '69002', city: 'Lyon', country: 'FR' } };

/** An order of 2 × PULL-M at €49.95 plus €4.99 shipping (€104.89 paid: 104 points). */
async function place(fulfilment: Record<string, unknown>, email = `l${n + 1}@example.fr`) {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `LOY-${n}`,
      placedAt: new Date().toISOString(),
      currency: 'EUR',
      customer: { email, firstName: 'Lou', lastName: `Fidèle${n}` },
      lines: [{ sku: 'PULL-M', quantity: 2, unitPriceCents: 4995 }],
      fulfilment,
      totals: { subtotalCents: 9990, shippingCents: 499, totalCents: 10489 },
    }),
  );
  const [o] = await handle.db.select().from(orders).where(eq(orders.id, r.order.id));
  return o;
}

const entriesOf = (orderId: string) =>
  handle.db
    .select({ kind: loyaltyEntries.kind, points: loyaltyEntries.points })
    .from(loyaltyEntries)
    .where(eq(loyaltyEntries.orderId, orderId))
    // PGlite's clock can give two statements in a row the same instant: an order's earning reads
    // before what takes it back, whatever the points.
    .orderBy(loyaltyEntries.at, sql`${loyaltyEntries.kind} <> 'earn'`, loyaltyEntries.points);

describe('the rule', () => {
  it('gives one whole point per euro paid, rounded down, never negative', () => {
    expect(pointsForPaidCents(10489)).toBe(104);
    expect(pointsForPaidCents(5990)).toBe(59);
    expect(pointsForPaidCents(100)).toBe(1);
    expect(pointsForPaidCents(99)).toBe(0);
    expect(pointsForPaidCents(0)).toBe(0);
    expect(pointsForPaidCents(-500)).toBe(0);
    expect(Number.isInteger(pointsForPaidCents(123456789))).toBe(true);
  });
});

describe('earning', () => {
  it('earns nothing when placed, then once when a ship order is shipped', async () => {
    const o = await place(SHIP);
    expect(await entriesOf(o.id)).toEqual([]);
    await shipOrder(handle.db, w.owner, { orderId: o.id });
    await shipOrder(handle.db, w.owner, { orderId: o.id }); // a retry
    expect(await entriesOf(o.id)).toEqual([{ kind: 'earn', points: 104 }]);
    expect(await balanceOf(handle.db, o.customerId!)).toBe(104);
    // Whatever calls it again, the order earns once (the unique index).
    expect(await earnOrderPoints(handle.db, o, null)).toBe(0);
    expect(await entriesOf(o.id)).toHaveLength(1);
  });

  it('earns once when a pickup is collected', async () => {
    const o = await place({ type: 'pickup', locationCode: 'PAR' });
    const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, o.id));
    const ready = await markReady(handle.db, w.owner, { pickupId: p.id });
    expect(await entriesOf(o.id)).toEqual([]);
    await collectPickup(handle.db, w.manager, { pickupId: p.id, code: ready.pickup.code! });
    const [earned] = await handle.db.select().from(loyaltyEntries).where(eq(loyaltyEntries.orderId, o.id));
    expect(earned).toMatchObject({ kind: 'earn', points: 104, channelId: web.id, actorId: w.manager.userId });
    await expect(
      collectPickup(handle.db, w.manager, { pickupId: p.id, code: ready.pickup.code! }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await entriesOf(o.id)).toHaveLength(1);
  });

  it('earns on what a partial hand-over gave the customer, not on the whole order', async () => {
    const o = await place({ type: 'pickup', locationCode: 'PAR' });
    const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, o.id));
    const ready = await markReady(handle.db, w.owner, { pickupId: p.id });
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, o.id));
    await collectPickup(handle.db, w.manager, {
      pickupId: p.id,
      code: ready.pickup.code!,
      lines: [{ orderLineId: line.id, quantity: 1 }],
    });
    // One pull of two: €49.95 and the €4.99 shipping, €54.94 paid: 54 points, not 104.
    expect(await entriesOf(o.id)).toEqual([{ kind: 'earn', points: 54 }]);
  });

  it('earns a counter sale as it is taken, and a replayed delivery earns nothing more', async () => {
    const o = await place({ type: 'in_store', locationCode: 'PAR' });
    expect(o.status).toBe('completed');
    expect(await entriesOf(o.id)).toEqual([{ kind: 'earn', points: 104 }]);
    await ingestOrder(
      handle.db,
      web,
      ZIngestOrderInput.parse({
        externalId: o.externalId,
        placedAt: new Date().toISOString(),
        currency: 'EUR',
        customer: { email: `l${n}@example.fr` },
        lines: [{ sku: 'PULL-M', quantity: 2, unitPriceCents: 4995 }],
        fulfilment: { type: 'in_store', locationCode: 'PAR' },
        totals: { subtotalCents: 9990, totalCents: 9990 },
      }),
    );
    expect(await entriesOf(o.id)).toHaveLength(1);
  });

  it('counts every channel on one balance: the same customer earns from a shipment and a counter sale', async () => {
    const a = await place(SHIP, 'both@example.fr');
    const b = await place({ type: 'in_store', locationCode: 'LYS' }, 'both@example.fr');
    expect(b.customerId).toBe(a.customerId);
    await shipOrder(handle.db, w.owner, { orderId: a.id });
    expect(await balanceOf(handle.db, a.customerId!)).toBe(208);
  });
});

describe('reversal', () => {
  it('takes back the points of a partial return, then the rest on the full return, never more', async () => {
    const o = await place(SHIP);
    await shipOrder(handle.db, w.owner, { orderId: o.id });
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, o.id));
    const back = (quantity: number) =>
      returnOrder(handle.db, w.manager, {
        orderId: o.id,
        locationId: w.paris,
        reason: 'too small',
        lines: [{ lineId: line.id, quantity, restock: true }],
      });
    await back(1);
    // Paid after the refund: 10489 − 4995 = 5494 cents, 54 points deserved: 50 taken back.
    expect(await entriesOf(o.id)).toEqual([
      { kind: 'earn', points: 104 },
      { kind: 'reverse', points: -50 },
    ]);
    await back(1);
    // Every unit back: nothing deserved, shipping included.
    expect(await balanceOf(handle.db, o.customerId!)).toBe(0);
    const reversed = await handle.db
      .select({ reason: loyaltyEntries.reason, actorId: loyaltyEntries.actorId })
      .from(loyaltyEntries)
      .where(and(eq(loyaltyEntries.orderId, o.id), eq(loyaltyEntries.kind, 'reverse')));
    expect(reversed).toEqual([
      { reason: 'too small', actorId: w.manager.userId },
      { reason: 'too small', actorId: w.manager.userId },
    ]);
  });

  it('after a partial hand-over, a return takes back what the units taken earned; those left behind cannot come back', async () => {
    const o = await place({ type: 'pickup', locationCode: 'PAR' });
    const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, o.id));
    const ready = await markReady(handle.db, w.owner, { pickupId: p.id });
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, o.id));
    await collectPickup(handle.db, w.manager, {
      pickupId: p.id,
      code: ready.pickup.code!,
      lines: [{ orderLineId: line.id, quantity: 1 }],
    });
    const back = (quantity: number) =>
      returnOrder(handle.db, w.manager, {
        orderId: o.id,
        locationId: w.paris,
        reason: 'changed her mind',
        lines: [{ lineId: line.id, quantity, restock: true }],
      });
    // One pull of two was taken: the other was never hers to return.
    await expect(back(2)).rejects.toMatchObject({ code: 'unprocessable' });
    expect(await entriesOf(o.id)).toEqual([{ kind: 'earn', points: 54 }]);
    // The pull she took comes back: every unit she had is back, so the 54 points it earned go
    // (before, the order's whole €104.89 less €49.95 still "deserved" 54, and nothing was taken back).
    await back(1);
    expect(await entriesOf(o.id)).toEqual([
      { kind: 'earn', points: 54 },
      { kind: 'reverse', points: -54 },
    ]);
    expect(await balanceOf(handle.db, o.customerId!)).toBe(0);
    const [after] = await handle.db.select({ status: orders.status }).from(orders).where(eq(orders.id, o.id));
    expect(after.status).toBe('returned');
  });

  it('after a partial hand-over of three, a return of one of the two taken keeps the points of the other', async () => {
    n += 1;
    const r = await ingestOrder(
      handle.db,
      web,
      ZIngestOrderInput.parse({
        externalId: `LOY-${n}`,
        placedAt: new Date().toISOString(),
        currency: 'EUR',
        customer: { email: `l${n}@example.fr`, firstName: 'Lou', lastName: `Fidèle${n}` },
        lines: [{ sku: 'PULL-M', quantity: 3, unitPriceCents: 4995 }],
        fulfilment: { type: 'pickup', locationCode: 'PAR' },
        totals: { subtotalCents: 14985, shippingCents: 499, totalCents: 15484 },
      }),
    );
    const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, r.order.id));
    const ready = await markReady(handle.db, w.owner, { pickupId: p.id });
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, r.order.id));
    await collectPickup(handle.db, w.manager, {
      pickupId: p.id,
      code: ready.pickup.code!,
      lines: [{ orderLineId: line.id, quantity: 2 }],
    });
    // Two pulls and the shipping: €104.89 paid, 104 points.
    expect(await entriesOf(r.order.id)).toEqual([{ kind: 'earn', points: 104 }]);
    await returnOrder(handle.db, w.manager, {
      orderId: r.order.id,
      locationId: w.paris,
      reason: 'one is enough',
      lines: [{ lineId: line.id, quantity: 1, restock: true }],
    });
    // €104.89 − €49.95 = €54.94 kept: 54 points, 50 taken back (on the whole order's €154.84 the
    // 104.89 left would have kept all 104).
    expect(await entriesOf(r.order.id)).toEqual([
      { kind: 'earn', points: 104 },
      { kind: 'reverse', points: -50 },
    ]);
  });

  it('a cancellation takes back whatever the order earned, and an unfulfilled one reverses nothing', async () => {
    const plain = await place(SHIP);
    await cancelOrder(handle.db, w.owner, { orderId: plain.id, reason: 'changed mind' });
    expect(await entriesOf(plain.id)).toEqual([]);
    // An order cannot be cancelled once fulfilled today; had it earned, the cancellation takes it all back.
    const o = await place(SHIP);
    await earnOrderPoints(handle.db, o, null);
    await cancelOrder(handle.db, w.agent, { orderId: o.id, reason: 'fraud' });
    await cancelOrder(handle.db, w.agent, { orderId: o.id, reason: 'fraud' }); // a retry
    expect(await entriesOf(o.id)).toEqual([
      { kind: 'earn', points: 104 },
      { kind: 'reverse', points: -104 },
    ]);
    expect(await balanceOf(handle.db, o.customerId!)).toBe(0);
  });

  it('a return after the points were spent may take the balance below zero', async () => {
    const o = await place(SHIP);
    await shipOrder(handle.db, w.owner, { orderId: o.id });
    await changePoints(handle.db, w.agent, {
      customerId: o.customerId!,
      kind: 'redeem',
      points: 100,
      reason: 'voucher',
    });
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, o.id));
    await returnOrder(handle.db, w.manager, {
      orderId: o.id,
      locationId: w.paris,
      reason: 'faulty',
      lines: [{ lineId: line.id, quantity: 2, restock: false }],
    });
    expect(await balanceOf(handle.db, o.customerId!)).toBe(-100);
  });
});

describe('an agent redeems or adjusts', () => {
  it('adjusts with a reason, redeems within the balance, and writes the audit row', async () => {
    const o = await place(SHIP);
    const customerId = o.customerId!;
    const credit = await changePoints(handle.db, w.agent, {
      customerId,
      kind: 'adjust',
      points: 30,
      reason: 'goodwill',
    });
    expect(credit).toMatchObject({ points: 30, balance: 30 });
    const spent = await changePoints(handle.db, w.owner, { customerId, kind: 'redeem', points: 20, reason: 'coffee' });
    expect(spent).toMatchObject({ points: -20, balance: 10 });
    await expect(
      changePoints(handle.db, w.agent, { customerId, kind: 'redeem', points: 11, reason: 'too much' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'insufficient_balance', balance: 10, requested: 11 },
    });
    await expect(
      changePoints(handle.db, w.agent, { customerId, kind: 'adjust', points: -11, reason: 'too much' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const summary = await getLoyaltySummary(handle.db, customerId);
    expect(summary.balance).toBe(10);
    expect(summary.entries.map((e) => [e.kind, e.points, e.reason, e.actor])).toEqual([
      ['redeem', -20, 'coffee', 'Owner'],
      ['adjust', 30, 'goodwill', 'Agent'],
    ]);
    const audits = await handle.db
      .select({ action: auditLog.action, data: auditLog.data })
      .from(auditLog)
      .where(eq(auditLog.entityId, customerId));
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: 'loyalty.adjust', data: { points: 30, reason: 'goodwill', before: 0, after: 30 } },
        { action: 'loyalty.redeem', data: { points: -20, reason: 'coffee', before: 30, after: 10 } },
      ]),
    );
  });

  it('refuses a manager, and writes nothing', async () => {
    const o = await place(SHIP);
    await expect(
      changePoints(handle.db, w.manager, { customerId: o.customerId!, kind: 'adjust', points: 5, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await balanceOf(handle.db, o.customerId!)).toBe(0);
  });

  it('holds the balance under concurrent redemptions: of two spending the same points, one is refused', async () => {
    const o = await place(SHIP);
    const customerId = o.customerId!;
    await changePoints(handle.db, w.agent, { customerId, kind: 'adjust', points: 50, reason: 'gift' });
    const results = await Promise.allSettled([
      changePoints(handle.db, w.agent, { customerId, kind: 'redeem', points: 40, reason: 'a' }),
      changePoints(handle.db, w.owner, { customerId, kind: 'redeem', points: 40, reason: 'b' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await balanceOf(handle.db, customerId)).toBe(10);
  });

  it('parses the dialog input: a reason, a positive redemption, a non-zero adjustment, whole points', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const errors = (v: Record<string, unknown>) => {
      const r = ZChangePointsInput.safeParse({ customerId: id, ...v });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(errors({ kind: 'adjust', points: '-5', reason: ' gift ' })).toEqual([]);
    expect(errors({ kind: 'redeem', points: -5, reason: 'x' })).toEqual(['points:points_positive']);
    expect(errors({ kind: 'adjust', points: 0, reason: 'x' })).toEqual(['points:points_not_zero']);
    expect(errors({ kind: 'adjust', points: 1.5, reason: 'x' })).toEqual(['points:points_whole']);
    expect(errors({ kind: 'adjust', points: 5, reason: '   ' })).toEqual(['reason:reason_required']);
  });

  it('the table refuses an earning without an order and an adjustment without a reason', async () => {
    const o = await place(SHIP);
    await expect(
      handle.db.execute(
        sql`insert into loyalty_entries (customer_id, points, kind) values (${o.customerId}, 5, 'earn')`,
      ),
    ).rejects.toThrow();
    await expect(
      handle.db.execute(
        sql`insert into loyalty_entries (customer_id, points, kind, reason) values (${o.customerId}, 5, 'adjust', ' ')`,
      ),
    ).rejects.toThrow();
  });
});
