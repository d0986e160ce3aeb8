import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, orderEvents, orders, pickups } from '@/db/schema';
import { PICKUP_OPEN_STATES } from '@/db/schema/pickup-states';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { bumpKpi } from '@/lib/kpis/rollup';
import { reverseOrderPoints } from '@/lib/loyalty/ledger';
import { announce } from '@/lib/live/announce';
import { liveTopic } from '@/lib/live/topics';
import { assertFrom, assertOrderScope, lockOrder, releaseHolds } from './lock-order';

/**
 * Cancels an open order: its reservations are released (stock back to available), an open
 * pickup is cancelled, the KPI rollup and the customer's lifetime value drop the order. Audited,
 * and announced on its location's live lists at commit.
 */
export async function cancelOrder(db: Db, actor: Actor, input: { orderId: string; reason: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    await assertOrderScope(tx, actor, 'orders.cancel', order);
    if (order.status === 'cancelled') return;
    assertFrom(order, ['placed', 'confirmed', 'backordered'], 'cancelled');
    await releaseHolds(tx, { order, actorId: actor.userId, at: sql`now()` });
    const cancelledPickups = await tx
      .update(pickups)
      .set({ state: 'cancelled', cancelledAt: sql`now()`, closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(pickups.orderId, order.id), inArray(pickups.state, PICKUP_OPEN_STATES)))
      .returning({ locationId: pickups.locationId });
    await tx
      .update(orders)
      .set({ status: 'cancelled', cancelledAt: sql`now()`, cancelReason: input.reason, updatedAt: sql`now()` })
      .where(eq(orders.id, order.id));
    await tx
      .insert(orderEvents)
      .values({ orderId: order.id, type: 'cancelled', actorId: actor.userId, data: { reason: input.reason } });
    await bumpKpi(
      tx,
      { placedAt: order.placedAt, channelId: order.channelId, locationId: order.locationId },
      { cancelledOrders: 1, revenueCents: -order.totalCents, units: -order.itemCount },
    );
    // An open order has no returns yet: the customer paid its whole total, so all of it comes off.
    if (order.customerId) {
      await tx
        .update(customers)
        .set({ lifetimeValueCents: sql`${customers.lifetimeValueCents} - ${order.totalCents}` })
        .where(eq(customers.id, order.customerId));
    }
    // Nothing is earned before fulfilment today; whatever an order earned goes with it.
    await reverseOrderPoints(tx, order, { actorId: actor.userId, reason: input.reason, cancelled: true });
    // The lists that show it, live (sent at commit).
    const cancelled = { kind: 'order.cancelled', id: order.id } as const;
    if (order.locationId) await announce(tx, liveTopic.orders(order.locationId), cancelled);
    for (const p of cancelledPickups) await announce(tx, liveTopic.pickups(p.locationId), cancelled);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'order.cancel',
      entityType: 'order',
      entityId: order.id,
      data: { reason: input.reason },
    });
  });
}
