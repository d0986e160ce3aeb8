import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orderEvents, pickupLines } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { awaitTransferForPickup, type AwaitTransferResult } from './await-transfer';
import { lockPickupForActor } from './lock-pickup';
import { readPickLines } from './pick-lines';

/**
 * The short pick's "wait for a transfer": the units reported missing are reserved at another
 * location and sent to the store (awaitTransferForPickup: the pickup awaits the transfer, and goes
 * back to be picked when the store receives it), and the lines stop counting them as short, in
 * the same transaction. Refused when nothing is short, or no location can send them all.
 */
export async function waitForTransfer(
  db: Db,
  actor: Actor,
  input: { pickupId: string },
  at = new Date(),
): Promise<AwaitTransferResult> {
  return db.transaction(async (tx) => {
    const { pickup, order } = await lockPickupForActor(tx, actor, input.pickupId);
    const short = (await readPickLines(tx, pickup.id, order.id)).filter((l) => l.short > 0);
    if (short.length === 0)
      throw new DomainError('unprocessable', 'Nothing is missing from this order.', { reason: 'nothing_short' });
    // awaitTransferForPickup is its own transaction: inside this one it is a savepoint, so the two are one commit.
    const result = await awaitTransferForPickup(
      tx,
      actor,
      {
        pickupId: pickup.id,
        units: short.map((l) => ({ orderLineId: l.orderLineId, variantId: l.variantId, quantity: l.short })),
      },
      at,
    );
    await tx
      .update(pickupLines)
      .set({ quantityShort: 0, shortReason: null, updatedAt: at })
      .where(and(eq(pickupLines.pickupId, pickup.id), gt(pickupLines.quantityShort, 0)));
    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: 'short_transfer',
      actorId: actor.userId,
      data: { transfer: result.transfer.number, lines: short.map((l) => ({ sku: l.sku, quantity: l.short })) },
      createdAt: at,
    });
    return result;
  });
}
