import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { locations } from '@/db/schema';
import { PICKUP_OPEN_STATES, type PickupState } from '@/db/schema/pickup-states';
import type { ShippingAddress } from '@/db/schema/orders';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';
import { locationInScopeSql } from './scope';

export type CustomerStore = { code: string; name: string; timeZone: string };

export type OpenPickup = {
  pickupId: string;
  orderId: string;
  orderNumber: string;
  state: PickupState;
  store: CustomerStore;
  placedAt: Date;
  readyAt: Date | null;
  dueBy: Date | null;
};

export type CustomerOverview = {
  firstOrderAt: Date | null;
  /** Lifetime value over the order count, rounded to the cent; null without an order. */
  averageOrderValueCents: number | null;
  /** Distinct shipping addresses of the customer's orders, the most recently used first (10 at most). */
  addresses: (ShippingAddress & { lastUsedAt: Date })[];
  /** The store of most pickups and counter sales (the latest used breaks a tie); null when none. */
  preferredStore: (CustomerStore & { orderCount: number }) | null;
  /** Pickups the store still works on, the oldest first. */
  openPickups: OpenPickup[];
  /**
   * The customer's stock alerts: every one still waiting, the newest first, then the latest ones
   * told or cancelled (RECENT_ENDED_ALERTS): the SKU, the store (null: available online), the status.
   */
  stockAlerts: CustomerStockAlert[];
};

export type CustomerStockAlert = {
  id: string;
  sku: string;
  productName: string;
  variantTitle: string;
  store: string | null;
  status: 'waiting' | 'notified' | 'cancelled';
  createdAt: Date;
  /** When the customer was told (notified) or the wish was cancelled; null while waiting. */
  endedAt: Date | null;
};

/** How many told or cancelled alerts the profile shows after the waiting ones. */
export const RECENT_ENDED_ALERTS = 5;

const ADDRESS_LIMIT = 10;

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const toDateOrNull = (v: unknown): Date | null => (v == null ? null : toDate(v));

/**
 * What the profile shows beside the summary kept on the customer row: the first order, the
 * average order, the addresses the customer ships to, the store they use most, their open
 * pickups (a manager: those at their stores, as the timeline) and their stock alerts. Five reads over the customer's orders (orders_customer_placed_idx), in parallel.
 */
export async function getCustomerOverview(
  db: DbOrTx,
  actor: Actor,
  customer: { id: string; orderCount: number; lifetimeValueCents: number },
  locale?: Locale,
): Promise<CustomerOverview> {
  // The raw statements below name the locations table `l`: the alias renders its columns so.
  const storeName = localNameSql(alias(locations, 'l'), locale);
  const [first, addresses, preferred, pickups, alerts] = await Promise.all([
    db.execute<{ first: unknown }>(sql`select min(placed_at) as first from orders where customer_id = ${customer.id}`),
    db.execute<{ address: ShippingAddress; last_used_at: unknown }>(sql`
      select shipping_address as address, max(placed_at) as last_used_at
      from orders
      where customer_id = ${customer.id} and shipping_address is not null
      group by shipping_address
      order by max(placed_at) desc
      limit ${ADDRESS_LIMIT}`),
    db.execute<{ code: string; name: string; time_zone: string; order_count: number }>(sql`
      select l.code, ${storeName} as name, l.time_zone, count(*)::int as order_count
      from orders o join locations l on l.id = o.location_id
      where o.customer_id = ${customer.id} and o.fulfilment_type in ('pickup', 'in_store') and l.kind = 'store'
      group by l.id
      order by count(*) desc, max(o.placed_at) desc, l.code
      limit 1`),
    db.execute<{
      pickup_id: string;
      order_id: string;
      order_number: string;
      state: PickupState;
      code: string;
      name: string;
      time_zone: string;
      placed_at: unknown;
      ready_at: unknown;
      due_by: unknown;
    }>(sql`
      select p.id as pickup_id, o.id as order_id, o.number as order_number, p.state, l.code,
             ${storeName} as name, l.time_zone, p.placed_at, p.ready_at, p.due_by
      from orders o
      join pickups p on p.order_id = o.id
      join locations l on l.id = p.location_id
      where o.customer_id = ${customer.id} and ${locationInScopeSql(actor, sql`p.location_id`)}
        and p.state in (${sql.join(
          PICKUP_OPEN_STATES.map((s) => sql`${s}`),
          sql`, `,
        )})
      order by p.placed_at, p.id`),
    db.execute<{
      id: string;
      sku: string;
      product: string;
      title: string;
      name: string | null;
      status: CustomerStockAlert['status'];
      created_at: unknown;
      ended_at: unknown;
    }>(sql`
      select sa.id, v.sku, pr.name as product, v.title, ${storeName} as name, sa.status, sa.created_at, sa.ended_at
      from (
        (select id, variant_id, location_id, status, created_at, null::timestamptz as ended_at, 0 as rank
         from stock_alerts where customer_id = ${customer.id} and status = 'waiting')
        union all
        (select id, variant_id, location_id, status, created_at, coalesce(notified_at, cancelled_at) as ended_at, 1 as rank
         from stock_alerts where customer_id = ${customer.id} and status <> 'waiting'
         order by coalesce(notified_at, cancelled_at) desc, id desc
         limit ${RECENT_ENDED_ALERTS})
      ) sa
      join variants v on v.id = sa.variant_id
      join products pr on pr.id = v.product_id
      left join locations l on l.id = sa.location_id
      order by sa.rank, coalesce(sa.ended_at, sa.created_at) desc, sa.id desc`),
  ]);
  const store = preferred.rows[0];
  return {
    firstOrderAt: toDateOrNull(first.rows[0]?.first),
    averageOrderValueCents:
      customer.orderCount > 0 ? Math.round(customer.lifetimeValueCents / customer.orderCount) : null,
    addresses: addresses.rows.map((r) => ({ ...r.address, lastUsedAt: toDate(r.last_used_at) })),
    preferredStore: store
      ? { code: store.code, name: store.name, timeZone: store.time_zone, orderCount: Number(store.order_count) }
      : null,
    openPickups: pickups.rows.map((r) => ({
      pickupId: r.pickup_id,
      orderId: r.order_id,
      orderNumber: r.order_number,
      state: r.state,
      store: { code: r.code, name: r.name, timeZone: r.time_zone },
      placedAt: toDate(r.placed_at),
      readyAt: toDateOrNull(r.ready_at),
      dueBy: toDateOrNull(r.due_by),
    })),
    stockAlerts: alerts.rows.map((r) => ({
      id: r.id,
      sku: r.sku,
      productName: r.product,
      variantTitle: r.title,
      store: r.name,
      status: r.status,
      createdAt: toDate(r.created_at),
      endedAt: toDateOrNull(r.ended_at),
    })),
  };
}
