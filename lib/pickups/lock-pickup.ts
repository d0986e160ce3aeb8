import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { pickups } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import { lockOrder, type OrderRow } from '@/lib/orders/lock-order';
import type { PickupRow } from './transition';

export type LockedPickup = { pickup: PickupRow; order: OrderRow };

/**
 * Locks a pickup's order, then the pickup (the order first, as cancelling an order does, so the
 * two never wait on each other), and checks that the actor may work on pickups at its store: a
 * manager only at their own stores.
 */
export async function lockPickupForActor(tx: DbOrTx, actor: Actor, pickupId: string): Promise<LockedPickup> {
  const [found] = await tx.select({ orderId: pickups.orderId }).from(pickups).where(eq(pickups.id, pickupId));
  if (!found) throw new NotFound('Pickup');
  const order = await lockOrder(tx, found.orderId);
  const [pickup] = await tx.select().from(pickups).where(eq(pickups.id, pickupId)).for('update');
  if (!pickup) throw new NotFound('Pickup');
  if (!can(actor, 'pickups.manage', pickup.locationId))
    throw new Forbidden('This pickup is not at one of your stores.');
  return { pickup, order };
}
