import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, inventoryMovements, notificationOutbox, orders, pickups } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { findDrift } from '@/lib/inventory/invariants';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { markReady } from '@/lib/pickups/mark-ready';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { JOBS } from './definitions';
import { runJobsOnce, startJobRunner } from './runner';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let n = 0;
const DAY = 24 * 3_600_000;
const T0 = new Date('2026-11-02T09:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 200 });
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
});
afterAll(() => handle.close());

async function readyPickup(readyAt: Date) {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `RUN-${n}`,
      placedAt: T0.toISOString(),
      currency: 'EUR',
      customer: { email: `runner${n}@example.fr`, firstName: 'Inès' },
      lines: [{ sku: 'PULL-L', quantity: 1, unitPriceCents: 4000 }],
      fulfilment: { type: 'pickup', locationCode: 'PAR' },
      totals: { subtotalCents: 4000, totalCents: 4000 },
    }),
  );
  const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, r.order.id));
  await markReady(handle.db, w.owner, { pickupId: p.id }, readyAt);
  return { orderId: r.order.id, pickupId: p.id };
}

async function expectExpiredOnce(orderId: string, pickupId: string, at: Date) {
  const [p] = await handle.db.select().from(pickups).where(eq(pickups.id, pickupId));
  expect(p).toMatchObject({ state: 'expired', expiredAt: at });
  const [o] = await handle.db.select().from(orders).where(eq(orders.id, orderId));
  expect(o.status).toBe('cancelled');
  const releases = await handle.db
    .select()
    .from(inventoryMovements)
    .where(and(eq(inventoryMovements.referenceId, orderId), eq(inventoryMovements.reason, 'release')));
  expect(releases).toHaveLength(1);
  const messages = await handle.db
    .select()
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.orderId, orderId), eq(notificationOutbox.kind, 'pickup.expired')));
  expect(messages).toHaveLength(1);
}

describe('the job runner (pg-boss on this engine)', () => {
  it('jobs:once at a moved clock expires a hold that is over: stock released, the customer told', async () => {
    const before = await level(handle.db, w.skus[2].id, w.paris);
    const due = await readyPickup(T0);
    const notYet = await readyPickup(new Date(T0.getTime() + 3 * DAY));
    expect((await level(handle.db, w.skus[2].id, w.paris)).reserved).toBe(before.reserved + 2);

    const now = new Date(T0.getTime() + 7 * DAY + 60_000);
    const outcomes = await runJobsOnce(handle.db, { now });
    expect(outcomes.map((o) => [o.name, o.state])).toEqual(JOBS.map((j) => [j.name, 'completed']));
    expect(outcomes.find((o) => o.name === 'pickups-expire')?.output).toEqual({ expired: 1, batches: 1 });

    await expectExpiredOnce(due.orderId, due.pickupId, now);
    expect((await handle.db.select().from(pickups).where(eq(pickups.id, notYet.pickupId)))[0].state).toBe('ready');
    expect(await level(handle.db, w.skus[2].id, w.paris)).toEqual({
      onHand: before.onHand,
      reserved: before.reserved + 1,
    });
    expect(await findDrift(handle.db)).toEqual([]);
    // pg-boss's own tables, in their schema, on this engine
    const jobs = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = 'pickups-expire' and state = 'completed'`,
    );
    expect(jobs.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('a running runner takes the time from its clock, which a test moves', async () => {
    const due = await readyPickup(new Date(T0.getTime() + DAY));
    let now = new Date(T0.getTime() + 2 * DAY);
    const runner = await startJobRunner(handle.db, { clock: () => now, pollingIntervalSeconds: 0.5 });
    try {
      const early = await runner.runNow('pickups-expire');
      expect(early).toMatchObject({ state: 'completed', output: { expired: 0, batches: 0 } });
      now = new Date(T0.getTime() + 9 * DAY);
      const late = await runner.runNow('pickups-expire');
      expect(late).toMatchObject({ state: 'completed', output: { expired: 1, batches: 1 } });
    } finally {
      await runner.stop(2_000);
    }
    await expectExpiredOnce(due.orderId, due.pickupId, now);
  });
});
