import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError } from '@/lib/errors';
import {
  createOrderTransfer,
  lockShipToStoreSource,
  reserveOrderUnits,
  type OrderUnits,
} from '@/lib/inventory/order-transfers';
import { lockPickupForActor } from './lock-pickup';
import { nextPickupState } from './state-machine';
import { IllegalPickupTransition, transitionPickup, type PickupTransitionResult } from './transition';

export type AwaitTransferResult = PickupTransitionResult & {
  transfer: { id: string; number: string };
  from: { code: string; transferLeadDays: number };
};

/**
 * The store lacks units of a pickup not yet ready (a short pick): another location holding all of
 * them (warehouses first) reserves them for the order, a transfer to the store is created on the
 * spot, and the pickup waits for it (awaiting transfer) until the store receives it
 * (receive-transfer.ts). `units` are what the order's lines lack at the store, their stock there
 * already settled by the caller. One transaction; no location able to send them all is refused
 * with a message, and nothing changes.
 */
export async function awaitTransferForPickup(
  db: Db,
  actor: Actor,
  input: { pickupId: string; units: OrderUnits[] },
  at = new Date(),
): Promise<AwaitTransferResult> {
  return db.transaction(async (tx) => {
    const { pickup, order } = await lockPickupForActor(tx, actor, input.pickupId);
    // Checked before anything is reserved: a second tap must not send the items twice.
    if (nextPickupState(pickup.state, 'await_transfer') === null)
      throw new IllegalPickupTransition(pickup.state, 'await_transfer');
    const source = await lockShipToStoreSource(tx, pickup.locationId, input.units);
    if (!source)
      throw new DomainError('unprocessable', 'No other location has all the missing items to send to this store.');
    await reserveOrderUnits(tx, {
      orderId: order.id,
      locationId: source.locationId,
      units: input.units,
      actorId: actor.userId,
    });
    const transfer = await createOrderTransfer(tx, {
      orderId: order.id,
      orderNumber: order.number,
      sourceLocationId: source.locationId,
      destinationLocationId: pickup.locationId,
      units: input.units,
      actorId: actor.userId,
    });
    const result = await transitionPickup(tx, {
      pickupId: pickup.id,
      event: 'await_transfer',
      actorId: actor.userId,
      at,
      set: { transferId: transfer.id },
      data: { transfer: transfer.number, from: source.code, days: source.transferLeadDays },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'pickup.await_transfer',
      entityType: 'pickup',
      entityId: pickup.id,
      data: { orderId: order.id, transferId: transfer.id },
    });
    return { ...result, transfer, from: { code: source.code, transferLeadDays: source.transferLeadDays } };
  });
}
