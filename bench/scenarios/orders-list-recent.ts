import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { customers, orders } from '../../db/schema';
import type { Db } from '../../db/client';
import { iterations, measure, type Scenario } from '../harness';

const PAGE = 50;
const GOAL_P95_MS = 100;

/**
 * The orders list of one channel, newest first, 50 a page — what the orders page and the
 * channel's API call run. Ours is keyset pagination on orders_channel_placed_idx: the cost of
 * a page does not depend on how deep it is. The baseline is the naive way to page, OFFSET:
 * the server walks and throws away every row before the page. Both read the same pages (same
 * depths, same rows: checked before timing), at depths spread over the channel's whole list,
 * as a user jumping pages or a client walking the list would.
 *
 * The indexes are declared `.desc().nullsFirst()`, the meaning of a plain `order by … desc`:
 * with drizzle-kit's default (DESC NULLS LAST) PostgreSQL cannot read the index in that order
 * and sorts every row of the channel behind the cursor (30 ms instead of 0.05 ms on 100k
 * orders). The scenario checks the plan and fails when a Sort node comes back.
 */
export const ordersListRecent: Scenario = {
  name: 'orders.list_recent',
  goal: `p95 < ${GOAL_P95_MS} ms`,
  async run(ctx) {
    const { db } = ctx.handle;
    const channelId = await busiestChannel(db);
    const [{ total }] = await db.select({ total: count() }).from(orders).where(eq(orders.channelId, channelId));
    if (total < PAGE) throw new Error(`orders.list_recent needs a seeded channel (busiest has ${total} orders)`);

    // Depths from the first page to the last, spread evenly so percentiles see the whole list.
    const pages = 20;
    const depths = Array.from({ length: pages }, (_, i) => Math.floor((i * (total - PAGE)) / (pages - 1)));
    const cursors = await Promise.all(depths.map((depth) => cursorAt(db, channelId, depth)));

    for (let i = 0; i < pages; i++) {
      const a = await keysetPage(db, channelId, cursors[i]);
      const b = await offsetPage(db, channelId, depths[i]);
      if (a.length !== b.length || a.some((row, j) => row.id !== b[j].id)) {
        throw new Error(`keyset and offset pages differ at depth ${depths[i]}`);
      }
    }

    const plan = await explain(db, keysetQuery(db, channelId, cursors[pages - 1]).getSQL());
    if (ctx.options.verbose) ctx.log(plan);
    if (/\bSort\b/.test(plan)) {
      throw new Error(`the keyset page sorts instead of reading orders_channel_placed_idx in order:\n${plan}`);
    }

    const n = iterations(200, ctx.options.scale, pages);
    const ours = await measure((i) => keysetPage(db, channelId, cursors[i % pages]), { warmup: pages, iterations: n });
    // Deep OFFSET pages take seconds on the large data set: each depth twice is enough for its percentiles.
    const nBaseline = pages * 2;
    const baseline = await measure((i) => offsetPage(db, channelId, depths[i % pages]), {
      warmup: 0,
      iterations: nBaseline,
    });
    return {
      ours,
      baseline,
      ok: ours.p95_ms < GOAL_P95_MS,
      note: `${total.toLocaleString('en-US')} orders in the busiest channel, ${pages} pages from depth 0 to ${depths[pages - 1].toLocaleString('en-US')}; ${n} keyset and ${nBaseline} OFFSET queries`,
    };
  },
};

type Cursor = { placedAt: Date; id: string } | null;

// The order of lib/orders/queries.ts listOrders, read straight from orders_channel_placed_idx.
const newestFirst = [desc(orders.placedAt), desc(orders.id)];

async function explain(db: Db, query: SQL): Promise<string> {
  const result = await db.execute<{ 'QUERY PLAN': string }>(sql`explain ${query}`);
  return result.rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function busiestChannel(db: Db): Promise<string> {
  const [row] = await db
    .select({ channelId: orders.channelId, n: count() })
    .from(orders)
    .groupBy(orders.channelId)
    .orderBy(desc(count()))
    .limit(1);
  if (!row) throw new Error('orders.list_recent needs orders: the bench database is empty');
  return row.channelId;
}

/** The cursor a client would hold to ask for the page starting at `depth` (null: first page). */
async function cursorAt(db: Db, channelId: string, depth: number): Promise<Cursor> {
  if (depth === 0) return null;
  const [row] = await db
    .select({ placedAt: orders.placedAt, id: orders.id })
    .from(orders)
    .where(eq(orders.channelId, channelId))
    .orderBy(...newestFirst)
    .offset(depth - 1)
    .limit(1);
  return row;
}

// The columns an orders list renders.
const listColumns = {
  id: orders.id,
  number: orders.number,
  placedAt: orders.placedAt,
  status: orders.status,
  fulfilmentType: orders.fulfilmentType,
  totalCents: orders.totalCents,
  currency: orders.currency,
  itemCount: orders.itemCount,
  customerFirstName: customers.firstName,
  customerLastName: customers.lastName,
};

function keysetQuery(db: Db, channelId: string, cursor: Cursor) {
  return db
    .select(listColumns)
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(
      and(
        eq(orders.channelId, channelId),
        cursor
          ? sql`(${orders.placedAt}, ${orders.id}) < (${cursor.placedAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(...newestFirst)
    .limit(PAGE);
}

function keysetPage(db: Db, channelId: string, cursor: Cursor) {
  return keysetQuery(db, channelId, cursor);
}

function offsetPage(db: Db, channelId: string, depth: number) {
  return db
    .select(listColumns)
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.channelId, channelId))
    .orderBy(...newestFirst)
    .offset(depth)
    .limit(PAGE);
}
