import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, inventoryMovements, notificationOutbox, orders, pickups } from '@/db/schema';
import { createTestDatabase, openAnotherInstance } from '@/db/testing';
import { findDrift } from '@/lib/inventory/invariants';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { markReady } from '@/lib/pickups/mark-ready';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { JOBS, type JobDefinition } from './definitions';
import { startJobRunner, type JobRunner } from './runner';

// PostgreSQL only (*.pg.test.ts): two app instances are two pools (two processes' worth of
// connections) on one server; PGlite is one process with one session, and takes no second instance.

let a: DbHandle;
let b: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Now, to the hour: the outbox stamps its messages available at the database's time, and the moved
// clock (past the holds' ends, days ahead) must find them due.
const T0 = new Date(Math.floor(Date.now() / HOUR) * HOUR);

beforeAll(async () => {
  a = await createTestDatabase();
  b = openAnotherInstance(a);
  w = await makeInventoryWorld(a.db, { stock: 200 });
  [web] = await a.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

async function readyPickup(n: number, readyAt: Date) {
  const r = await ingestOrder(
    a.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `TWO-${n}`,
      placedAt: T0.toISOString(),
      currency: 'EUR',
      customer: { email: `two${n}@example.fr`, firstName: 'Inès' },
      lines: [{ sku: 'PULL-L', quantity: 1, unitPriceCents: 4000 }],
      fulfilment: { type: 'pickup', locationCode: 'PAR' },
      totals: { subtotalCents: 4000, totalCents: 4000 },
    }),
  );
  const [p] = await a.db.select().from(pickups).where(eq(pickups.orderId, r.order.id));
  await markReady(a.db, w.owner, { pickupId: p.id }, readyAt);
  const [ready] = await a.db.select().from(pickups).where(eq(pickups.id, p.id));
  return { orderId: r.order.id, pickupId: p.id, dueBy: ready.dueBy! };
}

type Run = { instance: string; name: string; output: unknown };

/** The app's jobs, each run written down with the instance that ran it. */
function counted(instance: string, runs: Run[]): JobDefinition[] {
  return JOBS.map((job) => ({
    ...job,
    run: async (db, now) => {
      const output = await job.run(db, now);
      runs.push({ instance, name: job.name, output });
      return output;
    },
  }));
}

describe('two app instances on one PostgreSQL database (PostgreSQL only)', () => {
  it('run every job exactly once: each hold over expires once, with one release and one message, and every queued run is worked by one instance', async () => {
    const before = await level(a.db, w.skus[2].id, w.paris);
    // Eight holds ending an hour apart, two that end long after the clock stops.
    const due = [];
    for (let i = 0; i < 8; i++) due.push(await readyPickup(i, new Date(T0.getTime() + i * HOUR)));
    const notYet = [
      await readyPickup(8, new Date(T0.getTime() + 30 * DAY)),
      await readyPickup(9, new Date(T0.getTime() + 31 * DAY)),
    ];
    expect((await level(a.db, w.skus[2].id, w.paris)).reserved).toBe(before.reserved + 10);

    let now = T0;
    const clock = () => now;
    const runs: Run[] = [];
    const errors: unknown[] = [];
    // Both start at once, with their schedules (crons, the dispatch tick), as two servers would.
    const [ra, rb] = await Promise.all([
      startJobRunner(a.db, { clock, jobs: counted('A', runs), pollingIntervalSeconds: 0.5 }),
      startJobRunner(b.db, { clock, jobs: counted('B', runs), pollingIntervalSeconds: 0.5 }),
    ]);
    for (const r of [ra, rb]) r.boss.on('error', (err) => errors.push(err));
    const queued: string[] = [];
    try {
      // Four rounds, the clock past two more holds' ends each time; in each, both instances ask
      // for every job at once: six runs racing on the same due rows.
      for (let round = 0; round < 4; round++) {
        now = new Date(due[2 * round + 1].dueBy.getTime() + 60_000);
        const outcomes = await Promise.all(JOBS.flatMap((job) => [ra, rb].map((r: JobRunner) => r.runNow(job.name))));
        expect(outcomes.map((o) => o.state)).toEqual(outcomes.map(() => 'completed'));
        queued.push(...outcomes.map((o) => o.id));
      }
      // Both instances' ticks in the same throttling slot: one job between them.
      const ticks = await Promise.all(
        [ra, rb].map((r) => r.boss.sendThrottled('messages-dispatch', {}, {}, 60, 'two-instances')),
      );
      expect(ticks.filter((id) => id !== null)).toHaveLength(1);
      const tick = ticks.find((id) => id !== null)!;
      await expect
        .poll(async () => (await ra.boss.getJobById('messages-dispatch', tick))?.state, { timeout: 10_000 })
        .toBe('completed');
    } finally {
      await Promise.all([ra.stop(5_000), rb.stop(5_000)]);
    }

    // Each hold over expired once, at the round's time; its reservation released by one ledger line;
    // its order cancelled; one 'pickup.expired' message, kept once by one dispatch (no SMTP here).
    const expired = runs.filter((r) => r.name === 'pickups-expire');
    expect(expired.reduce((sum, r) => sum + (r.output as { expired: number }).expired, 0)).toBe(8);
    const dueIds = due.map((d) => d.pickupId);
    const dueOrders = due.map((d) => d.orderId);
    const states = await a.db.select({ state: pickups.state }).from(pickups).where(inArray(pickups.id, dueIds));
    expect(states.map((s) => s.state)).toEqual(dueIds.map(() => 'expired'));
    const cancelled = await a.db.select({ status: orders.status }).from(orders).where(inArray(orders.id, dueOrders));
    expect(cancelled.map((o) => o.status)).toEqual(dueOrders.map(() => 'cancelled'));
    const releases = await a.db
      .select({ orderId: inventoryMovements.referenceId, delta: inventoryMovements.deltaReserved })
      .from(inventoryMovements)
      .where(and(inArray(inventoryMovements.referenceId, dueOrders), eq(inventoryMovements.reason, 'release')));
    expect(releases.map((r) => r.orderId).sort()).toEqual([...dueOrders].sort());
    expect(releases.every((r) => r.delta === -1)).toBe(true);
    const messages = await a.db
      .select({
        orderId: notificationOutbox.orderId,
        status: notificationOutbox.status,
        attempts: notificationOutbox.attempts,
      })
      .from(notificationOutbox)
      .where(and(inArray(notificationOutbox.orderId, dueOrders), eq(notificationOutbox.kind, 'pickup.expired')));
    expect(messages.map((m) => m.orderId).sort()).toEqual([...dueOrders].sort());
    expect(messages.map(({ status, attempts }) => ({ status, attempts }))).toEqual(
      messages.map(() => ({ status: 'kept', attempts: 1 })),
    );
    for (const p of notYet) {
      expect((await a.db.select().from(pickups).where(eq(pickups.id, p.pickupId)))[0].state).toBe('ready');
    }
    expect(await level(a.db, w.skus[2].id, w.paris)).toEqual({ onHand: before.onHand, reserved: before.reserved + 2 });
    expect(await findDrift(a.db)).toEqual([]);

    // pg-boss's history: every job queued (runNow's 24, the tick, any cron or tick of the
    // instances' own) completed once, none retried or failed, and there were as many runs of each
    // job's body, over both instances, as completed jobs: none ran twice.
    const { rows } = await a.db.execute<{ id: string; name: string; state: string; retry_count: number }>(
      sql`select id::text, name, state, retry_count from pgboss.job where name in (${sql.join(
        JOBS.map((j) => sql`${j.name}`),
        sql`, `,
      )})`,
    );
    const completed = rows.filter((r) => r.state === 'completed');
    expect(rows.filter((r) => r.state === 'failed' || r.retry_count > 0)).toEqual([]);
    expect(new Set(queued).size).toBe(queued.length);
    expect(queued.every((id) => completed.some((r) => r.id === id))).toBe(true);
    for (const job of JOBS) {
      expect(runs.filter((r) => r.name === job.name)).toHaveLength(completed.filter((r) => r.name === job.name).length);
    }
    // Both instances took part (24 runs racing, one job to whichever polls first).
    expect(new Set(runs.map((r) => r.instance))).toEqual(new Set(['A', 'B']));
    expect(errors).toEqual([]);
  });
});
