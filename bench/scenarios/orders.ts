import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { alias, PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { inventoryLevels, KPI_SHARDS } from '../../db/schema';
import { DEMO_CHANNELS } from '@/lib/seed/constants';
import type { Actor } from '../../lib/auth/permissions';
import { signBody } from '../../lib/channels/signature';
import { availableToPromiseSql } from '../../lib/inventory/rules';
import { installTimeZone } from '../../lib/system/time-zone';
import { listOrders } from '../../lib/orders/queries';
import { ZOrderListQuery } from '../../lib/orders/schemas';
import { iterations, measure, percentile, type Measurement, type Scenario } from '../harness';
import { postJson, runConcurrently, runPaced, startServer } from '../server';

const OWNER: Actor = { userId: '00000000-0000-4000-8000-000000000000', role: 'owner', locationIds: [] };
const WEB = DEMO_CHANNELS.find((c) => c.code === 'web')!;

function concurrentMeasurement(latencies: number[], wallMs: number): Measurement {
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return {
    p50_ms: r(percentile(latencies, 50)),
    p95_ms: r(percentile(latencies, 95)),
    ops_per_s: r((latencies.length * 1000) / wallMs),
  };
}

/**
 * orders.list — the /orders list with a filter (status, or a store) at 3M orders, pages 1 to 20
 * by keyset. Baseline: the naive list — an exact count for "page x of y" and OFFSET to the page.
 */
export const ordersList: Scenario = {
  name: 'orders.list',
  goal: 'p95 < 100 ms',
  async run(ctx) {
    const db = ctx.handle.db;
    const { rows: locs } = await db.execute<{ id: string }>(
      sql`select id from locations where kind = 'store' order by code limit 3`,
    );
    const filters: Record<string, string>[] = [
      { status: 'shipped' },
      { status: 'placed' },
      { location: locs[0].id },
      { location: locs[1].id },
      { channel: 'zalando' },
    ];
    // Cursors a user would hold, walking each filter's first 20 pages.
    const pages: { filter: Record<string, string>; after?: string; depth: number }[] = [];
    for (const filter of filters) {
      let after: string | undefined;
      for (let p = 0; p < 20; p++) {
        pages.push({ filter, after, depth: p * 50 });
        const page = await listOrders(db, OWNER, ZOrderListQuery.parse({ ...filter, after }));
        if (!page.next) break;
        after = page.next;
      }
    }
    const ours = await measure(
      (i) =>
        listOrders(
          db,
          OWNER,
          ZOrderListQuery.parse({ ...pages[i % pages.length].filter, after: pages[i % pages.length].after }),
        ),
      {
        warmup: 20,
        iterations: iterations(300, ctx.options.scale, pages.length),
      },
    );
    const baseline = await measure(
      (i) => naivePage(db, pages[i % pages.length].filter, pages[i % pages.length].depth),
      {
        warmup: 2,
        iterations: iterations(40, ctx.options.scale, 10),
      },
    );
    return {
      ours,
      baseline,
      ok: ours.p95_ms < 100,
      note: `${filters.length} filters × up to 20 pages (${pages.length} pages)`,
    };
  },
};

async function naivePage(db: Db, filter: Record<string, string>, depth: number) {
  const where = filter.status
    ? sql`o.status = ${filter.status}`
    : filter.location
      ? sql`o.location_id = ${filter.location}`
      : sql`o.channel_id = (select id from channels where code = ${filter.channel})`;
  await db.execute(sql`select count(*) from orders o where ${where}`);
  await db.execute(sql`
    select o.id, o.number, o.placed_at, o.status, o.total_cents, c.first_name, c.last_name
    from orders o left join customers c on c.id = o.customer_id where ${where}
    order by o.placed_at desc, o.id desc offset ${depth} limit 50`);
}

type StockedSku = { sku: string; variantId: string; priceCents: number };

async function stockedAtWarehouse(db: Db, n: number): Promise<{ skus: StockedSku[]; warehouse: string }> {
  const l = alias(inventoryLevels, 'l');
  const { rows } = await db.execute<{ sku: string; variant_id: string; price_cents: number; location_id: string }>(sql`
    select v.sku, v.id as variant_id, v.price_cents, l.location_id
    from inventory_levels l join locations loc on loc.id = l.location_id and loc.kind = 'warehouse'
    join variants v on v.id = l.variant_id
    where ${availableToPromiseSql(l)} >= 20
    order by md5(v.id::text) limit ${n}`);
  if (rows.length < n / 2) throw new Error('orders.ingest needs the large seed with warehouse stock');
  return {
    skus: rows.map((r) => ({ sku: r.sku, variantId: r.variant_id, priceCents: Number(r.price_cents) })),
    warehouse: rows[0].location_id,
  };
}

function shipOrderBody(runId: string, i: number, s: StockedSku) {
  return JSON.stringify({
    externalId: `BENCH-${runId}-${i}`,
    placedAt: new Date().toISOString(),
    currency: 'EUR',
    customer: { email: `bench${i % 5000}@exemple.fr`, firstName: 'Bench', lastName: `N${i % 5000}` },
    lines: [{ sku: s.sku, quantity: 1, unitPriceCents: s.priceCents }],
    fulfilment: {
      type: 'ship',
      address: { line1: '1 rue du Test', postalCode: '75001', city: 'Paris', country: 'FR' },
    },
    totals: {
      subtotalCents: s.priceCents,
      discountCents: 0,
      shippingCents: 0,
      taxCents: Math.round(s.priceCents / 6),
      totalCents: s.priceCents,
    },
  });
}

/** The rule the app reserves by, as the text of plain SQL on `inventory_levels`. */
const RAW_AVAILABLE_TO_PROMISE = new PgDialect().sqlToQuery(availableToPromiseSql(inventoryLevels)).sql;

/**
 * The raw SQL an ingestion transaction boils down to: order, line, conditional reserve,
 * reservation, ledger, rollup (on the connection's shard, as the schema keys it) — one
 * statement at a time, as a hand-written data layer would send it.
 */
async function rawIngest(
  pool: pg.Pool,
  channelId: string,
  externalId: string,
  s: StockedSku,
  locationId: string,
): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const order = await client.query<{ id: string }>(
      `insert into orders (number, channel_id, external_id, status, fulfilment_type, fulfilling_location_id, currency, subtotal_cents, total_cents, item_count, placed_at)
       values ('CMP-' || nextval('order_number_seq'), $1, $2, 'placed', 'ship', $4, 'EUR', $3, $3, 1, now()) returning id`,
      [channelId, externalId, s.priceCents, locationId],
    );
    const line = await client.query<{ id: string }>(
      `insert into order_lines (order_id, line_no, variant_id, sku, quantity, unit_price_cents) values ($1, 1, $2, $3, 1, $4) returning id`,
      [order.rows[0].id, s.variantId, s.sku, s.priceCents],
    );
    const reserved = await client.query(
      `update inventory_levels set reserved = reserved + 1 where variant_id = $1 and location_id = $2
       and ${RAW_AVAILABLE_TO_PROMISE} >= 1 returning reserved`,
      [s.variantId, locationId],
    );
    if (reserved.rowCount === 0) {
      await client.query('rollback');
      return false;
    }
    await client.query(
      `insert into reservations (order_id, order_line_id, variant_id, location_id, quantity) values ($1, $2, $3, $4, 1)`,
      [order.rows[0].id, line.rows[0].id, s.variantId, locationId],
    );
    await client.query(
      `insert into inventory_movements (variant_id, location_id, delta_reserved, reason, reference_type, reference_id)
       values ($1, $2, 1, 'reservation', 'order', $3)`,
      [s.variantId, locationId, order.rows[0].id],
    );
    await client.query(
      `insert into kpi_daily as k (day, channel_id, location_id, shard, orders, revenue_cents, units)
       values ((now() at time zone $3)::date, $1, null, pg_backend_pid() % ${KPI_SHARDS}, 1, $2, 1)
       on conflict (day, channel_id, location_id, shard) do update set orders = k.orders + 1,
         revenue_cents = k.revenue_cents + excluded.revenue_cents, units = k.units + 1`,
      [channelId, s.priceCents, installTimeZone()],
    );
    await client.query('commit');
    return true;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

async function channelId(db: Db, code: string): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`select id from channels where code = ${code}`);
  if (!rows[0]) throw new Error(`channel ${code} missing from the bench database`);
  return rows[0].id;
}

/** The rate the goal holds latency to: channels delivering 300 orders a second. */
const INGEST_GOAL_RATE = 300;

/**
 * orders.ingest — signed orders over HTTP to a production build from 16 concurrent clients, on
 * many SKUs. Twice: flat out (how many orders a second the server takes), then at the goal's
 * 300 orders/s (the latency channels see at that rate; 16 clients flat out would only measure
 * their own queue, as their latency is 16 / throughput). Baseline: the raw SQL of the same
 * transaction from 16 clients straight to PostgreSQL, measured the same two ways.
 */
export const ordersIngest: Scenario = {
  name: 'orders.ingest',
  goal: '≥ 300 orders/s flat out, p95 < 50 ms at 300 orders/s, ratio ≥ 0.4',
  async run(ctx) {
    const db = ctx.handle.db;
    const total = iterations(3000, ctx.options.scale, 200);
    const { skus, warehouse } = await stockedAtWarehouse(db, 5000);
    const webId = await channelId(db, 'web');
    const runId = randomUUID().slice(0, 8);
    const sku = (i: number, stride: number) => skus[(i * stride) % skus.length];

    // Both sides are measured warm, as a server that has been running is: the first thousand
    // orders pay for JIT compilation, new connections and their first (custom) query plans.
    const warmup = iterations(1000, ctx.options.scale, 100);
    const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: 16 });
    const rawOrder = (prefix: string, stride: number) => (i: number) =>
      rawIngest(pool, webId, `${prefix}-${runId}-${i}`, sku(i, stride), warehouse);
    await runConcurrently(warmup, 16, rawOrder('RAWW', 7));
    const raw = await runConcurrently(total, 16, rawOrder('RAW', 1));
    const rawPaced = await runPaced(total, 16, INGEST_GOAL_RATE, rawOrder('RAWP', 11));
    await pool.end();
    if ([...raw.results, ...rawPaced.results].some((ok) => !ok))
      throw new Error('the raw baseline ran out of stock: pick better-stocked SKUs');

    const server = await startServer(ctx.databaseUrl, ctx.log);
    try {
      const order = (prefix: string, stride: number) => (i: number) =>
        post(server.url, shipOrderBody(`${runId}${prefix}`, i, sku(i, stride)));
      await runConcurrently(warmup, 16, order('w', 7));
      const ours = await runConcurrently(total, 16, order('', 13));
      const oursPaced = await runPaced(total, 16, INGEST_GOAL_RATE, order('p', 17));
      for (const run of [ours, oursPaced]) {
        const statuses = count(run.results);
        if (statuses['201'] !== total) throw new Error(`expected ${total} × 201, got ${JSON.stringify(statuses)}`);
      }
      const flat = concurrentMeasurement(ours.latencies, ours.wallMs);
      const paced = concurrentMeasurement(oursPaced.latencies, oursPaced.wallMs);
      const rawFlat = concurrentMeasurement(raw.latencies, raw.wallMs);
      const rawAtRate = concurrentMeasurement(rawPaced.latencies, rawPaced.wallMs);
      const ratio = flat.ops_per_s / rawFlat.ops_per_s;
      return {
        // Throughput flat out; latency at the goal's rate.
        ours: { ops_per_s: flat.ops_per_s, p50_ms: paced.p50_ms, p95_ms: paced.p95_ms },
        baseline: { ops_per_s: rawFlat.ops_per_s, p50_ms: rawAtRate.p50_ms, p95_ms: rawAtRate.p95_ms },
        compare: 'throughput',
        ok: flat.ops_per_s >= 300 && paced.p95_ms < 50 && ratio >= 0.4,
        note:
          `${total} orders each way after ${warmup} to warm up, 16 clients, ${skus.length} SKUs; p50/p95 at ${INGEST_GOAL_RATE} orders/s ` +
          `(${paced.ops_per_s} achieved); flat out p50 ${flat.p50_ms} ms, p95 ${flat.p95_ms} ms (raw ${rawFlat.p50_ms} / ${rawFlat.p95_ms} ms); ` +
          'HTTP adds parsing, HMAC, customer matching, timeline',
      };
    } finally {
      await server.stop();
    }
  },
};

async function post(url: string, body: string): Promise<number> {
  const res = await postJson(`${url}/api/v1/channels/web/orders`, body, {
    'x-comptoir-signature': signBody(WEB.secret, body),
  });
  return res.status;
}

function count(statuses: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

/**
 * orders.hot_sku — 1,000 concurrent pickup orders for one SKU with 100 available at one store:
 * exactly 100 accepted, 900 out_of_stock, nothing else; on hand, reserved and ledger exact.
 * Baseline: the raw SQL conditional reservation for the same 1,000 orders on a second hot row.
 */
export const ordersHotSku: Scenario = {
  name: 'orders.hot_sku',
  goal: 'exactly 100 × 201 and 900 × 409, stock and ledger exact',
  async run(ctx) {
    const db = ctx.handle.db;
    // SKUs are upper case (ingestion upper-cases what channels send).
    const runId = randomUUID().slice(0, 8).toUpperCase();
    const { rows: stores } = await db.execute<{ id: string; code: string }>(
      sql`select id, code from locations where kind = 'store' and pickup_enabled order by code limit 1`,
    );
    const store = stores[0];
    const hot = await makeHotSku(db, `HOT-${runId}`, store.id);
    const hotRaw = await makeHotSku(db, `HOTRAW-${runId}`, store.id);
    const webId = await channelId(db, 'web');

    const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: 16 });
    const raw = await runConcurrently(1000, 100, (i) =>
      rawIngest(pool, webId, `HOTRAW-${runId}-${i}`, hotRaw, store.id),
    );
    await pool.end();

    const server = await startServer(ctx.databaseUrl, ctx.log);
    try {
      const body = (i: number) =>
        JSON.stringify({
          externalId: `HOT-${runId}-${i}`,
          placedAt: new Date().toISOString(),
          currency: 'EUR',
          lines: [{ sku: hot.sku, quantity: 1, unitPriceCents: hot.priceCents }],
          fulfilment: { type: 'pickup', locationCode: store.code },
          totals: { subtotalCents: hot.priceCents, totalCents: hot.priceCents },
        });
      const ours = await runConcurrently(1000, 100, async (i) => {
        // One body per order: the signature must cover exactly the bytes sent.
        const raw = body(i);
        const res = await postJson(`${server.url}/api/v1/channels/web/orders`, raw, {
          'x-comptoir-signature': signBody(WEB.secret, raw),
        });
        const json = res.json as { error?: { code: string } } | null;
        return res.status === 409 ? `409 ${json?.error?.code}` : String(res.status);
      });
      const statuses: Record<string, number> = {};
      for (const s of ours.results) statuses[s] = (statuses[s] ?? 0) + 1;
      const { rows } = await db.execute<{
        on_hand: number;
        reserved: number;
        ledger_on_hand: number;
        ledger_reserved: number;
        active: number;
      }>(sql`
        select l.on_hand, l.reserved,
          (select sum(delta_on_hand)::int from inventory_movements m where m.variant_id = l.variant_id and m.location_id = l.location_id) as ledger_on_hand,
          (select sum(delta_reserved)::int from inventory_movements m where m.variant_id = l.variant_id and m.location_id = l.location_id) as ledger_reserved,
          (select coalesce(sum(quantity), 0)::int from reservations r where r.variant_id = l.variant_id and r.location_id = l.location_id and r.status = 'active') as active
        from inventory_levels l where l.variant_id = ${hot.variantId} and l.location_id = ${store.id}`);
      const row = rows[0];
      const exact =
        statuses['201'] === 100 &&
        statuses['409 out_of_stock'] === 900 &&
        Object.keys(statuses).length === 2 &&
        row.on_hand === 100 &&
        row.reserved === 100 &&
        row.ledger_on_hand === 100 &&
        row.ledger_reserved === 100 &&
        row.active === 100;
      const rawAccepted = raw.results.filter(Boolean).length;
      return {
        ours: concurrentMeasurement(ours.latencies, ours.wallMs),
        baseline: concurrentMeasurement(raw.latencies, raw.wallMs),
        compare: 'throughput',
        ok: exact && rawAccepted === 100,
        note: `answers ${JSON.stringify(statuses)}; row on hand ${row.on_hand}, reserved ${row.reserved}, ledger ${row.ledger_on_hand}/${row.ledger_reserved}, active reservations ${row.active}; raw baseline accepted ${rawAccepted}`,
      };
    } finally {
      await server.stop();
    }
  },
};

/** A fresh SKU with exactly 100 on hand at one store (through the ledger), so every run starts equal. */
async function makeHotSku(db: Db, sku: string, locationId: string): Promise<StockedSku> {
  return db.transaction(async (tx) => {
    const { rows: p } = await tx.execute<{ id: string }>(
      sql`insert into products (name, brand, category) values (${`Bench hot item ${sku}`}, 'Bench', 'Bench') returning id`,
    );
    const { rows: v } = await tx.execute<{ id: string }>(
      sql`insert into variants (product_id, sku, title, price_cents, cost_cents) values (${p[0].id}, ${sku}, 'Unique', 2500, 1000) returning id`,
    );
    await tx.execute(
      sql`insert into inventory_levels (variant_id, location_id, on_hand) values (${v[0].id}, ${locationId}, 100)`,
    );
    await tx.execute(
      sql`insert into inventory_movements (variant_id, location_id, delta_on_hand, reason, reference_type, reference_id) values (${v[0].id}, ${locationId}, 100, 'receipt', 'receipt', 'bench')`,
    );
    return { sku, variantId: v[0].id, priceCents: 2500 };
  });
}
