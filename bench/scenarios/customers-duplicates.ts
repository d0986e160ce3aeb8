import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import {
  DUPLICATE_SCAN_LAG_SECONDS,
  duplicateScanCursorAt,
  readDuplicateScanCursor,
  scanAllDuplicates,
  scanDuplicatesOf,
  scanRecentDuplicates,
  setDuplicateScanCursor,
} from '../../lib/customers/duplicates';
import { uuidArray } from '../../lib/uuid-array';
import { iterations, singleRun, summarize, type Scenario } from '../harness';
import { benchPhone, makeRegular, openCustomerBench, sampleCatalogue, type Person } from './customers-fixture';

const GOAL_MS = 2 * 60_000;

class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back');
  }
}

/** Runs `work` in a transaction that is rolled back: measured in full, nothing left behind. */
async function rolledBack<T>(db: Db, work: (tx: DbOrTx) => Promise<T>): Promise<{ value: T; ms: number }> {
  try {
    await db.transaction(async (tx) => {
      const start = performance.now();
      const value = await work(tx);
      throw new RolledBack({ value, ms: performance.now() - start });
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.value as { value: T; ms: number };
    throw error;
  }
  throw new Error('unreachable');
}

/** "Dubois" → "Dubios" */
function misspell(name: string): string {
  const i = name.length - 3;
  if (i < 1 || name[i] === name[i + 1]) return `${name}e`;
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

type Source = {
  id: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  city: string;
  line1: string;
  postal_code: string;
};

/**
 * customers.duplicates — the full scan (scanAllDuplicates: same e-mail or phone, similar names at the
 * same address or in the same city) over every customer of the data set, once, in a transaction
 * rolled back at the end (its pairs are written, then undone: nothing is left; the commit is not
 * timed; the open pairs by reason are counted in it, untimed). Baseline: the incremental scan's rules run customer by customer over everyone — a sample
 * timed, extrapolated to every customer. Then the incremental detection on new orders: customers
 * made for the run with one order each a minute ago, a third with a typo in the surname of a
 * customer of the same city, a third with the name and address of another, a third with a known
 * phone and a new e-mail; scanDuplicatesOf per customer (the per-order cost, p50/p95 in the note)
 * and the background job (scanRecentDuplicates): its cursor set just before those orders were made,
 * its runs (the clock moved past its lag) until one takes nothing, timed, in ms per order taken.
 * Those customers, their orders and their pairs go at the end, and the job's cursor goes back to
 * where it stood (or away, if there was none).
 */
export const customersDuplicates: Scenario = {
  name: 'customers.duplicates',
  goal: 'full scan < 2 min; incremental per order in the note',
  async run(ctx) {
    const db = ctx.handle.db;
    const { rows: counted } = await db.execute<{ live: number }>(
      sql`select count(*)::int as live from customers where merged_into_id is null`,
    );
    const live = counted[0].live;

    ctx.log('  full scan…');
    const full = await rolledBack(db, async (tx) => {
      const start = performance.now();
      const { pairs } = await scanAllDuplicates(tx);
      const ms = performance.now() - start;
      const { rows } = await tx.execute<{ reason: string; n: number }>(
        sql`select r as reason, count(*)::int as n from customer_duplicates, unnest(reasons) r where status = 'open' group by r order by r`,
      );
      return { pairs, ms, reasons: rows };
    });

    // The baseline: the incremental rules for one customer at a time, over a sample.
    const sampleSize = iterations(100, ctx.options.scale, 20);
    const { rows: sample } = await db.execute<{ id: string }>(
      sql`select id from customers where merged_into_id is null order by md5(id::text) limit ${sampleSize}`,
    );
    const perCustomer = await rolledBack(db, async (tx) => {
      const samples: number[] = [];
      for (const { id } of sample) {
        const start = performance.now();
        await scanDuplicatesOf(tx, [id]);
        samples.push(performance.now() - start);
      }
      return samples;
    });
    const meanMs = perCustomer.value.reduce((a, b) => a + b, 0) / perCustomer.value.length;

    // Incremental: new customers, each with an order a minute ago.
    const bench = await openCustomerBench(db, 'dups');
    const jobCursor = await readDuplicateScanCursor(db);
    try {
      // The job takes what is ingested from here on: the orders below (and any the bench makes meanwhile).
      await setDuplicateScanCursor(db, duplicateScanCursorAt(new Date()));
      const k = iterations(90, ctx.options.scale, 30);
      const { rows: sources } = await db.execute<Source>(sql`
        select c.id, c.first_name, c.last_name, c.phone, a.city, a.line1, a.postal_code
        from customers c cross join lateral (
          select o.shipping_address ->> 'city' as city, o.shipping_address ->> 'line1' as line1,
            o.shipping_address ->> 'postalCode' as postal_code
          from orders o where o.customer_id = c.id and o.shipping_address is not null order by o.placed_at desc limit 1) a
        where c.merged_into_id is null and c.phone is not null and length(c.last_name) >= 6
        order by md5(c.id::text || 'dups') limit ${k}`);
      if (sources.length < k)
        throw new Error('customers.duplicates needs the large seed (customers with shipped orders)');
      const catalogue = await sampleCatalogue(db);
      const expected: string[] = [];
      for (const [i, s] of sources.entries()) {
        const kind = (['name_city', 'name_address', 'phone'] as const)[i % 3];
        const person: Person = {
          firstName: kind === 'phone' ? 'Bench' : s.first_name,
          lastName: kind === 'name_city' ? misspell(s.last_name) : kind === 'phone' ? `Newcomer${i}` : s.last_name,
          email: `${bench.tag}-${i}@exemple.fr`,
          phone: kind === 'phone' ? s.phone : benchPhone(),
          city: s.city,
          postalCode: s.postal_code,
          line1: kind === 'name_address' ? s.line1 : `${900 + i} avenue du Bench`,
        };
        await makeRegular(db, bench, catalogue, person, 1, `n${i}`);
        expected.push(kind);
      }
      const timed: number[] = [];
      for (const id of bench.customerIds) {
        const start = performance.now();
        await scanDuplicatesOf(db, [id]);
        timed.push(performance.now() - start);
      }
      const incremental = summarize(timed);
      const { rows: found } = await db.execute<{ id: string; reasons: string[] | string }>(sql`
        select n.id, coalesce((select array_agg(distinct r order by r) from customer_duplicates d, unnest(d.reasons) r
          where n.id in (d.customer_id, d.other_customer_id)), '{}') as reasons
        from unnest(${uuidArray(bench.customerIds)}) n(id)`);
      const reasonsOf = new Map(
        found.map((f) => [f.id, Array.isArray(f.reasons) ? f.reasons : f.reasons.replace(/[{}]/g, '').split(',')]),
      );
      const hits = bench.customerIds.filter((id, i) => reasonsOf.get(id)?.includes(expected[i])).length;

      // The job's runs, as the cron would make them once the orders are older than its lag.
      const job = { orders: 0, customers: 0, runs: 0, ms: 0 };
      for (;;) {
        const jobStart = performance.now();
        const run = await scanRecentDuplicates(db, {
          now: new Date(Date.now() + (DUPLICATE_SCAN_LAG_SECONDS + 1) * 1000),
        });
        job.ms += performance.now() - jobStart;
        if (run.orders === 0) break;
        job.runs += 1;
        job.orders += run.orders;
        job.customers += run.customers;
      }

      const ours = singleRun(full.value.ms, live);
      const baseline = singleRun(meanMs * live, live);
      const byReason = full.value.reasons.map((r) => `${r.reason} ${r.n.toLocaleString('en-US')}`).join(', ');
      return {
        ours,
        baseline,
        ok: full.value.ms < GOAL_MS,
        note:
          `full scan of ${live.toLocaleString('en-US')} customers: ${full.value.pairs.toLocaleString('en-US')} pairs (${byReason}), ` +
          `in a transaction rolled back; baseline: the incremental scan one customer at a time, ${meanMs.toFixed(1)} ms each over ${sample.length} sampled, × ${live.toLocaleString('en-US')}; ` +
          `incremental on ${k} new orders (a third each: a misspelled surname in the same city, a name at the same address, a known phone): ` +
          `scanDuplicatesOf per order p50 ${incremental.p50_ms} ms, p95 ${incremental.p95_ms} ms, the expected pair found for ${hits}/${k}; ` +
          `the job (scanRecentDuplicates) took those ${job.orders} new orders (${job.customers} customers) in ${job.runs} run(s) and one finding nothing, ${job.ms.toFixed(0)} ms (${(job.ms / Math.max(1, job.orders)).toFixed(1)} ms per order)`,
      };
    } finally {
      await bench.cleanUp();
      await setDuplicateScanCursor(db, jobCursor);
    }
  },
};
