import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { orderLines, pickups } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { reserveOrderUnits, type OrderUnits } from '@/lib/inventory/order-transfers';
import type { ReceiveTransferInput, ReceiveTransferUnitsInput } from '@/lib/inventory/schemas';
import {
  receiveTransfer,
  receiveTransferUnits,
  type ReceiptResult,
  type ReceivedLine,
  type TransferRow,
} from '@/lib/inventory/transfers';
import { transitionPickup } from './transition';

/**
 * Receives a transfer at its destination (lib/inventory/transfers.ts); when it carries a pickup
 * that waits for it, in the same transaction: what arrived is reserved for the order at the store
 * (up to what its lines still need there) and the pickup moves to to-pick, on its queue at commit.
 * A transfer that arrives short leaves the rest for the picker to settle as a short pick.
 */
export async function receiveTransferForPickup(
  db: Db,
  actor: Actor,
  input: ReceiveTransferInput,
  at = new Date(),
): Promise<{ discrepancies: number; pickupId: string | null }> {
  let pickupId: string | null = null;
  const result = await receiveTransfer(db, actor, input, {
    afterReceived: async (tx, transfer, received) => {
      pickupId = await releaseWaitingPickup(tx, actor, transfer, received, at);
    },
  });
  return { ...result, pickupId };
}

/**
 * One delivery of a transfer (lib/inventory/transfers.ts, receiveTransferUnits); the delivery that
 * closes a transfer carrying a waiting pickup releases it as receiveTransferForPickup does, with
 * every unit that arrived.
 */
export async function receiveTransferUnitsForPickup(
  db: Db,
  actor: Actor,
  input: ReceiveTransferUnitsInput,
  at = new Date(),
): Promise<ReceiptResult> {
  return receiveTransferUnits(db, actor, input, {
    afterReceived: async (tx, transfer, received) => {
      await releaseWaitingPickup(tx, actor, transfer, received, at);
    },
  });
}

async function releaseWaitingPickup(
  tx: DbOrTx,
  actor: Actor,
  transfer: TransferRow,
  received: ReceivedLine[],
  at: Date,
): Promise<string | null> {
  if (!transfer.orderId) return null;
  const [pickup] = await tx
    .select({ id: pickups.id })
    .from(pickups)
    .where(
      and(
        eq(pickups.orderId, transfer.orderId),
        eq(pickups.transferId, transfer.id),
        eq(pickups.state, 'awaiting_transfer'),
        eq(pickups.locationId, transfer.destinationLocationId),
      ),
    )
    .for('update');
  if (!pickup) return null;
  // What each line still lacks at the store: its quantity less what is already reserved there.
  const lines = await tx
    .select({
      id: orderLines.id,
      variantId: orderLines.variantId,
      quantity: sql<number>`(${orderLines.quantity} - coalesce((
        select sum(r.quantity) from reservations r
        where r.order_line_id = ${orderLines.id} and r.location_id = ${transfer.destinationLocationId}::uuid
          and r.status = 'active'), 0))::int`,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, transfer.orderId))
    .orderBy(asc(orderLines.lineNo));
  await reserveOrderUnits(tx, {
    orderId: transfer.orderId,
    locationId: transfer.destinationLocationId,
    units: unitsForLines(lines, received),
    actorId: actor.userId,
  });
  await transitionPickup(tx, {
    pickupId: pickup.id,
    event: 'transfer_received',
    actorId: actor.userId,
    at,
    data: { transfer: transfer.number },
  });
  return pickup.id;
}

/** What arrived, given to the order's lines of each SKU in line order, each up to what it lacks. */
function unitsForLines(
  lines: { id: string; variantId: string; quantity: number }[],
  received: ReceivedLine[],
): OrderUnits[] {
  const left = new Map(received.map((r) => [r.variantId, r.quantity]));
  const units: OrderUnits[] = [];
  for (const line of lines) {
    const available = left.get(line.variantId) ?? 0;
    const take = Math.min(available, Number(line.quantity));
    if (take <= 0) continue;
    left.set(line.variantId, available - take);
    units.push({ orderLineId: line.id, variantId: line.variantId, quantity: take });
  }
  return units;
}
