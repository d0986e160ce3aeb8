import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderAmountColumns, sqlReturnedRefundCents } from '@/lib/orders/amounts';
import { installTimeZone, timeZoneLiteral } from '@/lib/system/time-zone';

/**
 * Each order's units returned (`units`) and their value at their line's unit price (`cents`), for
 * the orders with a return: joined as `r` beside the order `o`.
 */
const RETURNED_SQL = `
  SELECT order_id, sum(quantity_returned) AS units, sum(quantity_returned::bigint * unit_price_cents) AS cents
  FROM order_lines WHERE quantity_returned > 0 GROUP BY order_id`;

/**
 * What an order's returns refunded in all (returnOrder adds each return's share): the order `o`'s
 * total less its total without the units back `r`, by the one rule (returnedRefundCents,
 * lib/orders/amounts.ts), the units' share of the price paid, discount and any tax on top included;
 * 0 with no return.
 */
export const RETURNED_REFUND_SQL = sqlReturnedRefundCents(orderAmountColumns('o'), 'coalesce(r.cents, 0)');

/**
 * What kpi_daily counts. Every counter of an order is attributed to the business day it was
 * placed (its `placed_at` date in the install's zone, as lib/kpis/rollup.ts counts it), to its channel and to its location (null for
 * ship orders); a later transition (ready, collected, cancelled, returned) updates the row of
 * the order's placed day, so a day's figures are a cohort that may still move while its
 * orders are open.
 *
 * - orders             every order placed that day, cancelled ones included
 * - cancelled_orders   of those, the ones now cancelled (an expired pickup cancels its order)
 * - revenue_cents      sum of total_cents (tax included) of the orders not cancelled; returns
 *                      are not deducted here but counted in returned_cents (unlike a
 *                      customer's lifetime value, below, which is net of them)
 * - units              sum of item_count of the orders not cancelled
 * - pickup_orders      orders with fulfilment 'pickup' (click-and-collect), cancelled included
 * - pickups_ready      pickup orders that reached 'ready' (ready_at set), whatever came next
 * - pickup_lead_seconds sum over those of (ready_at − placed_at) in whole seconds:
 *                      average lead time = pickup_lead_seconds / pickups_ready
 * - pickups_collected  pickups now 'collected'
 * - pickups_expired    pickups now 'expired': uncollected rate = pickups_expired / pickups_ready
 * - returns            units returned (sum of order_lines.quantity_returned)
 * - returned_cents     what returns refunded: each order's RETURNED_REFUND_SQL
 *
 * Average order value = revenue_cents / (orders − cancelled_orders);
 * click-and-collect share = pickup_orders / orders.
 *
 * KPI_DAILY_SELECT_SQL computes these rows from the orders. A key's row is spread over shards
 * (db/schema/kpis.ts): compare with KPI_DAILY_TOTALS_SQL, the sums. The seeds write shard 0.
 */
export const KPI_DAILY_SELECT_SQL = `
SELECT (o.placed_at AT TIME ZONE ${timeZoneLiteral(installTimeZone())})::date,
       o.channel_id,
       o.location_id,
       count(*),
       coalesce(sum(o.total_cents) FILTER (WHERE o.status <> 'cancelled'), 0),
       coalesce(sum(o.item_count) FILTER (WHERE o.status <> 'cancelled'), 0),
       count(*) FILTER (WHERE o.fulfilment_type = 'pickup'),
       count(p.ready_at),
       coalesce(sum(floor(extract(epoch FROM p.ready_at - o.placed_at))), 0)::bigint,
       count(*) FILTER (WHERE p.state = 'collected'),
       count(*) FILTER (WHERE p.state = 'expired'),
       count(*) FILTER (WHERE o.status = 'cancelled'),
       coalesce(sum(r.units), 0),
       coalesce(sum(${RETURNED_REFUND_SQL}), 0)
FROM orders o
LEFT JOIN pickups p ON p.order_id = o.id
LEFT JOIN (${RETURNED_SQL}) r ON r.order_id = o.id
GROUP BY 1, 2, 3`;

export const KPI_DAILY_COLUMNS =
  'day, channel_id, location_id, orders, revenue_cents, units, pickup_orders, pickups_ready, pickup_lead_seconds, pickups_collected, pickups_expired, cancelled_orders, returns, returned_cents';

/** kpi_daily summed over its shards, in KPI_DAILY_COLUMNS order: what KPI_DAILY_SELECT_SQL must equal. */
export const KPI_DAILY_TOTALS_SQL = `
SELECT day, channel_id, location_id, sum(orders), sum(revenue_cents), sum(units), sum(pickup_orders), sum(pickups_ready),
       sum(pickup_lead_seconds), sum(pickups_collected), sum(pickups_expired), sum(cancelled_orders), sum(returns),
       sum(returned_cents)
FROM kpi_daily GROUP BY day, channel_id, location_id`;

export const KPI_DAILY_FROM_ORDERS_SQL = `INSERT INTO kpi_daily (${KPI_DAILY_COLUMNS}) ${KPI_DAILY_SELECT_SQL}`;

/** Rebuilds every kpi_daily row from the orders (seeds, repairs, consistency checks). */
export async function rebuildKpiDaily(db: DbOrTx): Promise<void> {
  await db.execute(sql`DELETE FROM kpi_daily`);
  await db.execute(sql.raw(KPI_DAILY_FROM_ORDERS_SQL));
}

/**
 * The customer profile summary, by the same rules the order use cases maintain:
 * - order_count          all the customer's orders, cancelled included
 * - lifetime_value_cents what the customer paid net of refunds: total_cents of the orders not
 *                        cancelled, minus what their returns refunded (RETURNED_REFUND_SQL, the
 *                        amounts returnOrder refunds; KPI returned_cents)
 * - last_order_at        latest placed_at
 * Ingestion adds an order's total, cancelling subtracts it, each return subtracts its refund.
 */
export const CUSTOMER_SUMMARY_SQL = `
SELECT o.customer_id,
       count(*)::int AS order_count,
       coalesce(sum(o.total_cents - ${RETURNED_REFUND_SQL}) FILTER (WHERE o.status <> 'cancelled'), 0)::bigint AS lifetime_value_cents,
       max(o.placed_at) AS last_order_at
FROM orders o
LEFT JOIN (${RETURNED_SQL}) r ON r.order_id = o.id
WHERE o.customer_id IS NOT NULL GROUP BY o.customer_id`;

export async function rebuildCustomerSummaries(db: DbOrTx): Promise<void> {
  await db.execute(
    sql.raw(`
UPDATE customers c SET order_count = coalesce(s.order_count, 0),
  lifetime_value_cents = coalesce(s.lifetime_value_cents, 0), last_order_at = s.last_order_at
FROM customers c2 LEFT JOIN (${CUSTOMER_SUMMARY_SQL}) s ON s.customer_id = c2.id
WHERE c.id = c2.id AND (c.order_count, c.lifetime_value_cents, c.last_order_at)
  IS DISTINCT FROM (coalesce(s.order_count, 0), coalesce(s.lifetime_value_cents, 0), s.last_order_at)`),
  );
}
