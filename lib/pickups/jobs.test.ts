import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, inventoryMovements, notificationOutbox, orderEvents, orders, pickups } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { findDrift } from '@/lib/inventory/invariants';
import { readKpiTotals } from '@/lib/kpis/read';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { LiveHub } from '@/lib/live/hub';
import { liveTopic, type LiveEvent } from '@/lib/live/topics';
import { SEED_INVARIANTS } from '@/lib/seed/invariants';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { collectPickup } from './collect-pickup';
import { EXPIRED_ORDER_REASON, expirePickups } from './expire-pickups';
import { extendHold } from './extend-hold';
import { markReady } from './mark-ready';
import { rejectPickup } from './reject-pickup';
import { remindPickups } from './remind-pickups';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let n = 0;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-11-02T09:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 200 });
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
});
afterAll(() => handle.close());

async function placePickup(store = 'PAR', quantity = 1) {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `J-${n}`,
      placedAt: T0.toISOString(),
      currency: 'EUR',
      customer: { email: `jobs${n}@example.fr`, firstName: 'Inès' },
      lines: [{ sku: 'PULL-L', quantity, unitPriceCents: 4000 }],
      fulfilment: { type: 'pickup', locationCode: store },
      totals: { subtotalCents: 4000 * quantity, totalCents: 4000 * quantity },
    }),
  );
  const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, r.order.id));
  return { orderId: r.order.id, pickupId: p.id };
}

async function readyPickup(readyAt: Date, store = 'PAR', quantity = 1) {
  const placed = await placePickup(store, quantity);
  const { pickup } = await markReady(handle.db, w.owner, { pickupId: placed.pickupId }, readyAt);
  return { ...placed, code: pickup.code!, dueBy: pickup.dueBy! };
}

async function messagesOf(orderId: string, kind: string) {
  return handle.db
    .select()
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.orderId, orderId), eq(notificationOutbox.kind, kind)));
}

async function expectConsistent() {
  expect(await findDrift(handle.db)).toEqual([]);
  for (const name of ['active reservations belong to open orders', 'customer summaries equal their orders'] as const) {
    expect((await handle.db.execute(sql.raw(SEED_INVARIANTS[name]))).rows, name).toEqual([]);
  }
}

describe('the expiry job', () => {
  it('expires every parcel whose hold is over, releases its stock, cancels the order and tells the customer', async () => {
    const before = await level(handle.db, w.skus[2].id, w.paris);
    const kpiBefore = await readKpiTotals(handle.db, {});
    const over = await Promise.all([readyPickup(T0, 'PAR', 2), readyPickup(T0), readyPickup(T0, 'LYS')]);
    const notYet = await readyPickup(new Date(T0.getTime() + 2 * DAY));
    const collected = await readyPickup(T0);
    await collectPickup(handle.db, w.owner, { pickupId: collected.pickupId, code: collected.code });

    const now = new Date(T0.getTime() + 7 * DAY + HOUR); // a 7-day hold, an hour ago for the first three
    const r = await expirePickups(handle.db, { now, batchSize: 2 });
    expect(r).toEqual({ expired: 3, batches: 2 });

    for (const p of over) {
      const [row] = await handle.db.select().from(pickups).where(eq(pickups.id, p.pickupId));
      expect(row).toMatchObject({ state: 'expired', expiredAt: now, closedAt: now });
      const [order] = await handle.db.select().from(orders).where(eq(orders.id, p.orderId));
      expect(order).toMatchObject({ status: 'cancelled', cancelReason: EXPIRED_ORDER_REASON, cancelledAt: now });
      const [message] = await messagesOf(p.orderId, 'pickup.expired');
      expect(message.payload).toMatchObject({ code: p.code, firstName: 'Inès', holdEndsAt: p.dueBy.toISOString() });
      const releases = await handle.db
        .select()
        .from(inventoryMovements)
        .where(and(eq(inventoryMovements.referenceId, p.orderId), eq(inventoryMovements.reason, 'release')));
      expect(releases).toHaveLength(1);
      const timeline = await handle.db.select().from(orderEvents).where(eq(orderEvents.orderId, p.orderId));
      expect(timeline.map((e) => e.type)).toContain('expired');
    }
    expect(await level(handle.db, w.skus[2].id, w.paris)).toEqual({
      onHand: before.onHand - 1, // the collected one
      reserved: before.reserved + 1, // the one not due yet
    });
    expect((await handle.db.select().from(pickups).where(eq(pickups.id, notYet.pickupId)))[0].state).toBe('ready');
    expect((await handle.db.select().from(pickups).where(eq(pickups.id, collected.pickupId)))[0].state).toBe(
      'collected',
    );
    const kpi = await readKpiTotals(handle.db, {});
    expect(kpi.pickupsExpired - kpiBefore.pickupsExpired).toBe(3);
    expect(kpi.cancelledOrders - kpiBefore.cancelledOrders).toBe(3);
    expect(kpi.revenueCents - kpiBefore.revenueCents).toBe(4000 * 2 /* not yet + collected */);

    expect(await expirePickups(handle.db, { now })).toEqual({ expired: 0, batches: 0 });
    await expectConsistent();
  });

  it('run by two workers at once, expires each parcel once', async () => {
    const due = await Promise.all(Array.from({ length: 12 }, () => readyPickup(T0)));
    const now = new Date(T0.getTime() + 8 * DAY);
    const [a, b] = await Promise.all([
      expirePickups(handle.db, { now, batchSize: 3 }),
      expirePickups(handle.db, { now, batchSize: 3 }),
    ]);
    // A worker that finds a batch's rows taken stops early; whatever is left goes on the next run.
    const rest = await expirePickups(handle.db, { now });
    expect(a.expired + b.expired + rest.expired).toBe(12);
    const events = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orderEvents)
      .where(
        and(
          inArray(
            orderEvents.orderId,
            due.map((d) => d.orderId),
          ),
          eq(orderEvents.type, 'expired'),
        ),
      );
    expect(events[0].n).toBe(12);
    await expectConsistent();
  });
});

describe('the reminder job', () => {
  it('reminds a day after ready, again a day before the end, and again after the hold is extended', async () => {
    const p = await readyPickup(T0);
    const remind = async (at: Date) => (await remindPickups(handle.db, { now: at })).reminded;
    const reminders = async () => (await messagesOf(p.orderId, 'pickup.reminder')).map((m) => m.payload.final);

    expect(await remind(new Date(T0.getTime() + 23 * HOUR))).toBe(0);
    expect(await remind(new Date(T0.getTime() + 25 * HOUR))).toBeGreaterThanOrEqual(1);
    expect(await reminders()).toEqual([false]);
    await remind(new Date(T0.getTime() + 26 * HOUR));
    expect(await reminders()).toEqual([false]);

    await remind(new Date(T0.getTime() + 6 * DAY + HOUR)); // 23 h before the end
    expect(await reminders()).toEqual([false, true]);
    await remind(new Date(T0.getTime() + 6 * DAY + 2 * HOUR));
    expect(await reminders()).toEqual([false, true]);

    await extendHold(
      handle.db,
      w.manager,
      { pickupId: p.pickupId, days: 3 },
      new Date(T0.getTime() + 6 * DAY + 3 * HOUR),
    );
    expect((await messagesOf(p.orderId, 'pickup.hold_extended')).length).toBe(1);
    await remind(new Date(T0.getTime() + 7 * DAY + HOUR)); // the old end: nothing
    expect(await reminders()).toEqual([false, true]);
    await remind(new Date(T0.getTime() + 9 * DAY + HOUR)); // a day before the new end
    expect(await reminders()).toEqual([false, true, true]);
    const [row] = await handle.db.select().from(pickups).where(eq(pickups.id, p.pickupId));
    expect(row).toMatchObject({ state: 'ready', remindersSent: 3, dueBy: new Date(T0.getTime() + 10 * DAY) });
    // Not expired at the old end.
    await expirePickups(handle.db, { now: new Date(T0.getTime() + 8 * DAY) });
    expect((await handle.db.select().from(pickups).where(eq(pickups.id, p.pickupId)))[0].state).toBe('ready');
  });

  it('sends only the last reminder when the hold is short', async () => {
    await handle.db.execute(sql`update locations set hold_days = 1 where code = 'LYS'`);
    const p = await readyPickup(T0, 'LYS');
    await remindPickups(handle.db, { now: new Date(T0.getTime() + 2 * HOUR) });
    expect((await messagesOf(p.orderId, 'pickup.reminder')).map((m) => m.payload.final)).toEqual([true]);
    await remindPickups(handle.db, { now: new Date(T0.getTime() + 25 * HOUR) });
    expect((await messagesOf(p.orderId, 'pickup.reminder')).map((m) => m.payload.final)).toEqual([true]);
    await handle.db.execute(sql`update locations set hold_days = 7 where code = 'LYS'`);
  });
});

describe('a store rejecting a pickup', () => {
  it('releases the stock, tells the customer and keeps the order open', async () => {
    const before = await level(handle.db, w.skus[2].id, w.paris);
    const p = await placePickup('PAR', 2);
    const r = await rejectPickup(handle.db, w.manager, { pickupId: p.pickupId, reason: 'damaged', note: 'Box torn' });
    expect(r.pickup).toMatchObject({
      state: 'rejected',
      rejectedById: w.manager.userId,
      rejectReason: 'damaged: Box torn',
    });
    expect(await level(handle.db, w.skus[2].id, w.paris)).toEqual(before);
    expect(await messagesOf(p.orderId, 'pickup.rejected')).toHaveLength(1);
    expect((await handle.db.select().from(orders).where(eq(orders.id, p.orderId)))[0].status).toBe('placed');
    await expect(
      rejectPickup(handle.db, w.manager, { pickupId: (await placePickup('LYS')).pickupId, reason: 'other' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expectConsistent();
  });
});

describe('the store’s live queue', () => {
  it('hears each transition and each expiry batch when it commits', async () => {
    const hub = new LiveHub(handle, { lingerMs: 50 });
    const events: LiveEvent[] = [];
    const stop = hub.subscribe(liveTopic.pickups(w.paris), { onEvent: (e) => events.push(e) });
    await hub.whenListening();
    const waitFor = async (count: number) => {
      const until = Date.now() + 3000;
      while (events.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    };
    try {
      const p = await readyPickup(new Date(T0.getTime() + 30 * DAY)); // placed (ingestion), then ready
      await waitFor(2);
      expect(events.map((e) => [e.kind, e.id])).toEqual(expect.arrayContaining([['pickup.changed', p.pickupId]]));
      const seen = events.length;
      await expirePickups(handle.db, { now: new Date(T0.getTime() + 60 * DAY) });
      await waitFor(seen + 1);
      expect(events.slice(seen).map((e) => e.kind)).toEqual(['pickup.changed']);
    } finally {
      stop();
      await hub.close();
    }
  });
});
