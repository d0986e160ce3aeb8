import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orderEvents, orders, reservations } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { changeStock } from '@/lib/inventory/ledger';
import { earnOrderPoints } from '@/lib/loyalty/ledger';
import { activeReservations, assertFrom, assertOrderScope, lockOrder } from './lock-order';

/**
 * Ships a ship order: its reservations are consumed, the units leave on hand and the customer
 * earns the order's loyalty points, in one transaction.
 */
export async function shipOrder(
  db: Db,
  actor: Actor,
  input: { orderId: string; carrier?: string; tracking?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    await assertOrderScope(tx, actor, 'orders.ship', order);
    if (order.status === 'shipped') return;
    assertFrom(order, ['placed', 'confirmed'], 'shipped');
    if (order.fulfilmentType !== 'ship')
      throw new DomainError('unprocessable', 'Only ship orders are shipped; pickups are collected.');
    for (const r of await activeReservations(tx, order.id)) {
      await changeStock(tx, {
        variantId: r.variantId,
        locationId: r.locationId,
        deltaOnHand: -r.quantity,
        deltaReserved: -r.quantity,
        reason: 'shipment',
        referenceType: 'order',
        referenceId: order.id,
        actorId: actor.userId,
      });
      await tx
        .update(reservations)
        .set({ status: 'consumed', closedAt: sql`now()` })
        .where(eq(reservations.id, r.id));
    }
    await tx
      .update(orders)
      .set({ status: 'shipped', updatedAt: sql`now()` })
      .where(eq(orders.id, order.id));
    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: 'shipped',
      actorId: actor.userId,
      data: { carrier: input.carrier ?? null, tracking: input.tracking ?? null },
    });
    await earnOrderPoints(tx, order, actor.userId);
  });
}
