import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { KPI_SHARDS } from '@/db/schema';
import { installTimeZone } from '@/lib/system/time-zone';
import { uuidArray } from '@/lib/uuid-array';

/** The counters of a kpi_daily key; see lib/seed/rollups.ts for what each one counts. */
export type KpiCounters = {
  orders: number;
  revenueCents: number;
  units: number;
  pickupOrders: number;
  pickupsReady: number;
  pickupLeadSeconds: number;
  pickupsCollected: number;
  pickupsExpired: number;
  cancelledOrders: number;
  returns: number;
  returnedCents: number;
};

/** What one event adds to (or, negative, takes from) a key's counters. */
export type KpiDelta = Partial<KpiCounters>;

/**
 * Adds to the rollup of the order's business day (placed_at in the install's zone), channel and
 * location, in the caller's transaction: dashboards never scan raw orders.
 */
export async function bumpKpi(tx: DbOrTx, key: KpiKey, d: KpiDelta): Promise<void> {
  await tx.execute(kpiUpsert(key, d));
}

export type KpiKey = { placedAt: Date | string; channelId: string; locationId: string | null };

/** The statement bumpKpi runs, for callers that embed it in a larger one (`with kpi as (${kpiUpsert(…)})`). */
export function kpiUpsert(key: KpiKey, d: KpiDelta): SQL {
  const v = {
    orders: d.orders ?? 0,
    revenue: d.revenueCents ?? 0,
    units: d.units ?? 0,
    pickupOrders: d.pickupOrders ?? 0,
    ready: d.pickupsReady ?? 0,
    lead: d.pickupLeadSeconds ?? 0,
    collected: d.pickupsCollected ?? 0,
    expired: d.pickupsExpired ?? 0,
    cancelled: d.cancelledOrders ?? 0,
    returns: d.returns ?? 0,
    returnedCents: d.returnedCents ?? 0,
  };
  const placedAt = key.placedAt instanceof Date ? key.placedAt.toISOString() : key.placedAt;
  // The writing connection's shard: concurrent orders on one busy key update different rows
  // (see db/schema/kpis.ts). A correction (negative delta) may land on a shard that never
  // counted the order; only the sum over shards means anything.
  return sql`
    insert into kpi_daily as k (day, channel_id, location_id, shard, orders, revenue_cents, units, pickup_orders, pickups_ready,
      pickup_lead_seconds, pickups_collected, pickups_expired, cancelled_orders, returns, returned_cents)
    values ((${placedAt}::timestamptz at time zone ${installTimeZone()})::date, ${key.channelId}, ${key.locationId},
      pg_backend_pid() % ${KPI_SHARDS}, ${v.orders}, ${v.revenue}, ${v.units}, ${v.pickupOrders}, ${v.ready}, ${v.lead},
      ${v.collected}, ${v.expired}, ${v.cancelled}, ${v.returns}, ${v.returnedCents})
    ${ADD_ON_CONFLICT}`;
}

/** Adds a new row's counters to the key's row when the key (and shard) is there already. */
const ADD_ON_CONFLICT = sql`
    on conflict (day, channel_id, location_id, shard) do update set
      orders = k.orders + excluded.orders,
      revenue_cents = k.revenue_cents + excluded.revenue_cents,
      units = k.units + excluded.units,
      pickup_orders = k.pickup_orders + excluded.pickup_orders,
      pickups_ready = k.pickups_ready + excluded.pickups_ready,
      pickup_lead_seconds = k.pickup_lead_seconds + excluded.pickup_lead_seconds,
      pickups_collected = k.pickups_collected + excluded.pickups_collected,
      pickups_expired = k.pickups_expired + excluded.pickups_expired,
      cancelled_orders = k.cancelled_orders + excluded.cancelled_orders,
      returns = k.returns + excluded.returns,
      returned_cents = k.returned_cents + excluded.returned_cents`;

/**
 * bumpKpi for many orders in one statement (a job closing a batch): each order adds `perOrder`
 * to its own key, and with `dropOrder` takes its total and units off the revenue, as cancelling
 * it does. One row per key: the batch's orders of one day, channel and store add up first.
 */
export async function bumpKpiForOrders(
  tx: DbOrTx,
  orderIds: readonly string[],
  perOrder: Pick<KpiDelta, 'pickupsExpired' | 'cancelledOrders'>,
  options: { dropOrder: boolean },
): Promise<void> {
  if (orderIds.length === 0) return;
  const drop = options.dropOrder ? 1 : 0;
  await tx.execute(sql`
    insert into kpi_daily as k (day, channel_id, location_id, shard, pickups_expired, cancelled_orders, revenue_cents, units)
    select (o.placed_at at time zone ${installTimeZone()})::date, o.channel_id, o.location_id, pg_backend_pid() % ${KPI_SHARDS},
      count(*) * ${perOrder.pickupsExpired ?? 0}::int, count(*) * ${perOrder.cancelledOrders ?? 0}::int,
      -${drop}::int * sum(o.total_cents), -${drop}::int * sum(o.item_count)
    from orders o where o.id = any(${uuidArray(orderIds)})
    group by 1, 2, 3
    ${ADD_ON_CONFLICT}`);
}
