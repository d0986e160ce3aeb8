import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

/** Counters of one kpi_daily row; see db/seed/rollups.ts for what each one counts. */
export type KpiDelta = Partial<{
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
}>;

/**
 * Adds to the rollup of the order's business day (placed_at in Europe/Paris), channel and
 * location, in the caller's transaction: dashboards never scan raw orders.
 */
export async function bumpKpi(
  tx: DbOrTx,
  key: { placedAt: Date | string; channelId: string; locationId: string | null },
  d: KpiDelta,
): Promise<void> {
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
  if (Object.values(v).some((x) => x < 0)) {
    // A correction of a day already counted (cancellation…): the row exists. An upsert would
    // check its VALUES row against the non-negative constraint before finding the conflict.
    const updated = await tx.execute(sql`
      update kpi_daily set
        orders = orders + ${v.orders}, revenue_cents = revenue_cents + ${v.revenue}, units = units + ${v.units},
        pickup_orders = pickup_orders + ${v.pickupOrders}, pickups_ready = pickups_ready + ${v.ready},
        pickup_lead_seconds = pickup_lead_seconds + ${v.lead}, pickups_collected = pickups_collected + ${v.collected},
        pickups_expired = pickups_expired + ${v.expired}, cancelled_orders = cancelled_orders + ${v.cancelled},
        returns = returns + ${v.returns}, returned_cents = returned_cents + ${v.returnedCents}
      where day = (${placedAt}::timestamptz at time zone 'Europe/Paris')::date and channel_id = ${key.channelId}
        and location_id is not distinct from ${key.locationId}`);
    if (!updated.rowCount) throw new Error('KPI correction for a day that was never counted');
    return;
  }
  await tx.execute(sql`
    insert into kpi_daily as k (day, channel_id, location_id, orders, revenue_cents, units, pickup_orders, pickups_ready,
      pickup_lead_seconds, pickups_collected, pickups_expired, cancelled_orders, returns, returned_cents)
    values ((${placedAt}::timestamptz at time zone 'Europe/Paris')::date, ${key.channelId}, ${key.locationId},
      ${v.orders}, ${v.revenue}, ${v.units}, ${v.pickupOrders}, ${v.ready}, ${v.lead}, ${v.collected}, ${v.expired},
      ${v.cancelled}, ${v.returns}, ${v.returnedCents})
    on conflict (day, channel_id, location_id) do update set
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
      returned_cents = k.returned_cents + excluded.returned_cents`);
}
