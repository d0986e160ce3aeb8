import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, reservations } from '@/db/schema';
import { can, canAtEvery, type Actor, type Permission } from '@/lib/auth/permissions';
import { Forbidden, IllegalTransition, NotFound } from '@/lib/errors';
import { changeStock } from '@/lib/inventory/ledger';

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
 * Releases every active reservation of an order held at `locationId` (all of them without one),
 * each through the ledger, closed at `at`: a cancellation, a rejected or rerouted pickup.
 */
export async function releaseHolds(
  tx: DbOrTx,
  p: { order: Pick<OrderRow, 'id'>; locationId?: string; actorId: string | null; at: Date | SQL },
): Promise<void> {
  for (const r of await activeReservations(tx, p.order.id)) {
    if (p.locationId && r.locationId !== p.locationId) continue;
    await changeStock(tx, {
      variantId: r.variantId,
      locationId: r.locationId,
      deltaReserved: -r.quantity,
      reason: 'release',
      referenceType: 'order',
      referenceId: p.order.id,
      actorId: p.actorId,
    });
    await tx.update(reservations).set({ status: 'released', closedAt: p.at }).where(eq(reservations.id, r.id));
  }
}

/**
 * The locations an order action touches: where its active reservations are held, and the order's
 * own store (pickup or in-store sale). A ship order with no reservation left falls back to where
 * it is fulfilled.
 */
export function orderPlaces(
  order: { locationId: string | null; fulfillingLocationId?: string | null },
  activeReservationLocationIds: readonly string[],
): string[] {
  const places = new Set(activeReservationLocationIds);
  if (order.locationId) places.add(order.locationId);
  if (places.size === 0 && order.fulfillingLocationId) places.add(order.fulfillingLocationId);
  return [...places];
}

/**
 * May the actor act on this order? Owners (and agents, where the right is theirs): any order.
 * `mode: 'any'` (confirming, which moves no stock): a manager of one of the order's places.
 * `mode: 'every'` (ship, cancel: stock moves at each reservation): a manager of all of them, so a
 * split order reserved at Paris and Lyon cannot be shipped or cancelled by Paris alone.
 */
export async function assertOrderScope(
  tx: DbOrTx,
  actor: Actor,
  permission: Permission,
  order: OrderRow,
  mode: 'any' | 'every' = 'every',
): Promise<void> {
  if (!can(actor, permission)) throw new Forbidden();
  const places = orderPlaces(
    order,
    (await activeReservations(tx, order.id)).map((r) => r.locationId),
  );
  const allowed =
    mode === 'every'
      ? canAtEvery(actor, permission, places)
      : places.some((id) => can(actor, permission, id)) || canAtEvery(actor, permission, places);
  if (!allowed) throw new Forbidden('This order is not fulfilled at your locations.');
}

export function assertFrom(order: OrderRow, allowed: readonly OrderStatus[], to: OrderStatus): void {
  if (!allowed.includes(order.status)) throw new IllegalTransition(order.status, to);
}
