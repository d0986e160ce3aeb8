import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bumpKpiForOrders } from '@/lib/kpis/rollup';
import { announceSql } from '@/lib/live/announce';
import { uuidArray } from '@/lib/uuid-array';
import { queuePickupMessages } from './messages';

/** What the customer's order says once a parcel was not collected in time. */
export const EXPIRED_ORDER_REASON = 'Not collected in time';

export type ExpirePickupsResult = { expired: number; batches: number };

/**
 * The expiry job: every ready parcel whose hold ended by `now` expires, in batches of `batchSize`
 * per transaction, set-based so that a backlog of thousands goes in seconds. Per batch, in one
 * transaction: the pickups move ready → expired (stamped, only from ready: a parcel collected
 * meanwhile is left alone, and rows another worker holds are skipped, so two workers never
 * expire one parcel twice), their reservations are released with one ledger line each, the
 * orders are cancelled (the customer is refunded from the channel), the timeline, the KPIs
 * (pickups expired, cancelled orders, revenue) and the customers' lifetime value say so, and the
 * customer is told.
 */
export async function expirePickups(
  db: Db,
  options: { now: Date; batchSize?: number; maxBatches?: number },
): Promise<ExpirePickupsResult> {
  const batchSize = options.batchSize ?? 1000;
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const at = options.now.toISOString();
  let expired = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const n = await db.transaction(async (tx) => {
      // The order first, then the pickup, as every pickup change locks them; SKIP LOCKED: a
      // parcel being collected or cancelled right now is not waited for (the next run sees it).
      const { rows } = await tx.execute<{
        pickup_id: string;
        order_id: string;
        number: string;
        customer_id: string | null;
        location_id: string;
        code: string;
        due_by: string;
      }>(sql`
        with due as (
          select p.id, p.order_id from pickups p
          where p.state = 'ready' and p.due_by <= ${at}::timestamptz
          order by p.due_by
          limit ${batchSize}
        ), locked_orders as (
          select o.id from orders o join due on due.order_id = o.id for update of o skip locked
        ), locked as (
          select p.id from pickups p join locked_orders lo on lo.id = p.order_id
          where p.state = 'ready' and p.due_by <= ${at}::timestamptz
          for update of p skip locked
        ), expired as (
          update pickups p set state = 'expired', expired_at = ${at}::timestamptz, closed_at = ${at}::timestamptz,
            updated_at = ${at}::timestamptz
          from locked where p.id = locked.id
          returning p.id, p.order_id, p.location_id, p.code, p.due_by
        )
        select e.id as pickup_id, e.order_id, o.number, o.customer_id, e.location_id, e.code, e.due_by
        from expired e join orders o on o.id = e.order_id`);
      if (rows.length === 0) return 0;
      const orderIds = rows.map((r) => r.order_id);
      const ids = uuidArray(orderIds);

      await tx.execute(sql`
        with released as (
          update reservations set status = 'released', closed_at = ${at}::timestamptz
          where order_id = any(${ids}) and status = 'active'
          returning order_id, variant_id, location_id, quantity
        ), per_row as (
          select variant_id, location_id, sum(quantity)::int as qty from released group by 1, 2
        ), levels as (
          -- A data-modifying CTE runs whether or not the statement reads it.
          update inventory_levels l set reserved = l.reserved - r.qty, updated_at = now()
          from per_row r where l.variant_id = r.variant_id and l.location_id = r.location_id
        )
        insert into inventory_movements (variant_id, location_id, delta_reserved, reason, reference_type, reference_id)
        select variant_id, location_id, -quantity, 'release', 'order', order_id from released`);
      await tx.execute(sql`
        update orders set status = 'cancelled', cancelled_at = ${at}::timestamptz, cancel_reason = ${EXPIRED_ORDER_REASON},
          updated_at = now()
        where id = any(${ids})`);
      await tx.execute(sql`
        insert into order_events (order_id, type, data, created_at)
        select o.id, 'expired', jsonb_build_object('dueBy', p.due_by), ${at}::timestamptz
        from orders o join pickups p on p.order_id = o.id where o.id = any(${ids})`);
      await tx.execute(sql`
        update customers c set lifetime_value_cents = c.lifetime_value_cents - s.total
        from (select customer_id, sum(total_cents) as total from orders where id = any(${ids}) and customer_id is not null group by 1) s
        where c.id = s.customer_id`);
      // One announcement per store and batch: its open queues refetch once.
      await tx.execute(sql`
        select ${announceSql(sql`'pickups:' || location_id`, 'pickup.changed', sql`min(id::text)`)}
        from pickups where order_id = any(${ids}) group by location_id`);
      await bumpKpiForOrders(tx, orderIds, { pickupsExpired: 1, cancelledOrders: 1 }, { dropOrder: true });
      await queuePickupMessages(
        tx,
        'pickup.expired',
        rows.map((r) => ({
          order: { id: r.order_id, number: r.number, customerId: r.customer_id },
          pickup: { locationId: r.location_id, code: r.code, dueBy: new Date(r.due_by) },
        })),
      );
      return rows.length;
    });
    if (n === 0) break;
    expired += n;
    batches += 1;
    if (n < batchSize) break;
  }
  return { expired, batches };
}
