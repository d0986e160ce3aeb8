import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, reservations } from '@/db/schema';
import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import { Forbidden, IllegalTransition, NotFound } from '@/lib/errors';

export type OrderRow = typeof orders.$inferSelect;
export type OrderStatus = OrderRow['status'];

/** Locks the order row for a state change; every transition of one order is serialised. */
export async function lockOrder(tx: DbOrTx, orderId: string): Promise<OrderRow> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) throw new NotFound('Order');
  return order;
}

export async function activeReservations(tx: DbOrTx, orderId: string) {
  return tx
    .select()
    .from(reservations)
    .where(and(eq(reservations.orderId, orderId), eq(reservations.status, 'active')))
    .orderBy(reservations.variantId, reservations.locationId);
}

/**
 * May the actor act on this order? Owners and agents: any order. A manager: when the order
 * is fulfilled at (or reserved in) one of their locations.
 */
export async function assertOrderScope(tx: DbOrTx, actor: Actor, permission: Permission, order: OrderRow): Promise<void> {
  if (!can(actor, permission)) throw new Forbidden();
  if (actor.role !== 'manager') return;
  const held = (await activeReservations(tx, order.id)).map((r) => r.locationId);
  const places = [order.locationId, ...held].filter((id): id is string => Boolean(id));
  if (!places.some((id) => can(actor, permission, id))) throw new Forbidden('This order is not fulfilled at your locations.');
}

export function assertFrom(order: OrderRow, allowed: readonly OrderStatus[], to: OrderStatus): void {
  if (!allowed.includes(order.status)) throw new IllegalTransition(order.status, to);
}
