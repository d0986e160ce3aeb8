import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { CUSTOMER_REFERENCES, mergeCustomers, undoMerge } from '../../lib/customers/merge';
import { uuidArray } from '../../lib/uuid-array';
import { iterations, summarize, type Scenario } from '../harness';
import { benchPhone, makeRegular, openCustomerBench, sampleCatalogue, type Person } from './customers-fixture';

const GOAL_MS = 200;
const ORDERS = 500;

/**
 * The merge an ORM's save loop makes: in one transaction, both profiles locked, then every row of
 * every table that points at the merged customer read and saved one UPDATE at a time, the merged
 * profile marked, the survivor's summary counted in the application. Returns what it moved, so
 * that it can be put back.
 */
async function rowByRowMerge(db: Db, survivorId: string, mergedId: string): Promise<Map<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from customers where id in (${survivorId}, ${mergedId}) order by id for update`);
    const moved = new Map<string, string[]>();
    for (const ref of CUSTOMER_REFERENCES) {
      const table = sql.identifier(ref.table);
      const column = sql.identifier(ref.column);
      const { rows } = await tx.execute<{ id: string }>(sql`select id from ${table} where ${column} = ${mergedId}`);
      for (const row of rows) await tx.execute(sql`update ${table} set ${column} = ${survivorId} where id = ${row.id}`);
      moved.set(
        `${ref.table}.${ref.column}`,
        rows.map((r) => r.id),
      );
    }
    const { rows: all } = await tx.execute<{ total_cents: string; placed_at: Date; status: string }>(
      sql`select total_cents, placed_at, status from orders where customer_id = ${survivorId}`,
    );
    const ltv = all.filter((o) => o.status !== 'cancelled').reduce((s, o) => s + Number(o.total_cents), 0);
    const last = all.reduce((m, o) => Math.max(m, new Date(o.placed_at).getTime()), 0);
    await tx.execute(sql`update customers set order_count = ${all.length}, lifetime_value_cents = ${ltv},
      last_order_at = ${new Date(last).toISOString()}::timestamptz where id = ${survivorId}`);
    await tx.execute(sql`update customers set merged_into_id = ${survivorId}, merged_at = now(), order_count = 0,
      lifetime_value_cents = 0, last_order_at = null where id = ${mergedId}`);
    return moved;
  });
}

/** Puts back what rowByRowMerge moved (set-based, untimed), and both summaries. */
async function putBack(db: Db, survivorId: string, mergedId: string, moved: Map<string, string[]>): Promise<void> {
  await db.transaction(async (tx) => {
    for (const ref of CUSTOMER_REFERENCES) {
      const ids = moved.get(`${ref.table}.${ref.column}`) ?? [];
      if (ids.length)
        await tx.execute(
          sql`update ${sql.identifier(ref.table)} set ${sql.identifier(ref.column)} = ${mergedId} where id = any(${uuidArray(ids)})`,
        );
    }
    await tx.execute(sql`update customers set merged_into_id = null, merged_at = null where id = ${mergedId}`);
    for (const id of [survivorId, mergedId])
      await tx.execute(sql`update customers set (order_count, lifetime_value_cents, last_order_at) =
        (select count(*)::int, coalesce(sum(total_cents), 0)::bigint, max(placed_at) from orders where customer_id = ${id})
        where id = ${id}`);
  });
}

/**
 * customers.merge — mergeCustomers (lib/customers/merge.ts, as the merge page's action runs it, for
 * an owner) of two regulars with 500 orders each among the 3M orders (made for the run on its own
 * channel: shipped, collected with their messages, at a till; loyalty points, notes, identities), the
 * merged one's e-mail kept; undone (undoMerge) between iterations, which is timed too. Baseline: the
 * same rows moved one UPDATE per row, as an ORM saving each entity does, put back the same way as
 * ours is undone. The two customers and their orders go at the end.
 */
export const customersMerge: Scenario = {
  name: 'customers.merge',
  goal: `p95 < ${GOAL_MS} ms for ${ORDERS} + ${ORDERS} orders`,
  async run(ctx) {
    const db = ctx.handle.db;
    const bench = await openCustomerBench(db, 'merge');
    try {
      const catalogue = await sampleCatalogue(db);
      const person = (k: string, lastName: string, phone: string): Person => ({
        firstName: 'Maëlys',
        lastName,
        email: `${bench.tag}-${k}@exemple.fr`,
        phone,
        city: 'Nantes',
        postalCode: '44000',
        line1: '8 quai de la Fosse',
      });
      const survivorId = await makeRegular(db, bench, catalogue, person('a', 'Guérin', benchPhone()), ORDERS, 'a');
      const mergedId = await makeRegular(db, bench, catalogue, person('b', 'Guerin', benchPhone()), ORDERS, 'b');
      await db.execute(sql`analyze customers`);

      const n = iterations(12, ctx.options.scale, 5);
      const merges: number[] = [];
      const undos: number[] = [];
      let moved: Record<string, number> = {};
      for (let i = -2; i < n; i++) {
        const t0 = performance.now();
        const result = await mergeCustomers(db, bench.owner, { survivorId, mergedId, fields: { email: 'merged' } });
        const t1 = performance.now();
        await undoMerge(db, bench.owner, { mergeId: result.mergeId });
        const t2 = performance.now();
        // Two warm-up rounds.
        if (i >= 0) {
          merges.push(t1 - t0);
          undos.push(t2 - t1);
        }
        moved = result.moved;
      }
      if (moved['orders.customer_id'] !== ORDERS)
        throw new Error(`customers.merge moved ${moved['orders.customer_id']} orders, not ${ORDERS}`);

      const baselineSamples: number[] = [];
      for (let i = -1; i < iterations(5, ctx.options.scale, 3); i++) {
        const t0 = performance.now();
        const rows = await rowByRowMerge(db, survivorId, mergedId);
        if (i >= 0) baselineSamples.push(performance.now() - t0);
        await putBack(db, survivorId, mergedId, rows);
      }
      const ours = summarize(merges);
      const undo = summarize(undos);
      const rows = Object.entries(moved)
        .filter(([, count]) => count > 0)
        .map(([key, count]) => `${key} ${count}`)
        .join(', ');
      return {
        ours,
        baseline: summarize(baselineSamples),
        ok: ours.p95_ms < GOAL_MS,
        note:
          `${n} merges of two regulars with ${ORDERS} orders each (moved: ${rows}), each undone: undo p50 ${undo.p50_ms} ms, p95 ${undo.p95_ms} ms; ` +
          'baseline: the same rows moved one UPDATE per row in one transaction',
      };
    } finally {
      await bench.cleanUp();
    }
  },
};
