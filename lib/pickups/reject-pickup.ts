import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { transfers } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { releaseHolds } from '@/lib/orders/lock-order';
import { queuePickupMessage } from './messages';
import { lockPickupForActor } from './lock-pickup';
import type { RejectPickupInput } from './schemas';
import { transitionPickup, type PickupTransitionResult } from './transition';

/**
 * The store cannot serve a pickup not yet ready (stock damaged or missing, store closed): the
 * pickup ends as rejected with its reason, the stock held for it is released through the ledger,
 * the customer is told, and the order stays open for the back office to send it from elsewhere
 * or ship it. Audited.
 */
export async function rejectPickup(
  db: Db,
  actor: Actor,
  input: RejectPickupInput,
  at = new Date(),
): Promise<PickupTransitionResult> {
  return db.transaction(async (tx) => {
    const { pickup, order } = await lockPickupForActor(tx, actor, input.pickupId);
    const reason = input.note ? `${input.reason}: ${input.note}` : input.reason;
    const result = await transitionPickup(tx, {
      pickupId: pickup.id,
      event: 'reject',
      actorId: actor.userId,
      at,
      set: { rejectReason: reason },
      data: { reason: input.reason, ...(input.note ? { note: input.note } : {}) },
    });
    if (!result.changed) return result;
    await releaseHolds(tx, { order, actorId: actor.userId, at });
    // A transfer not yet shipped for this pickup has nothing left to carry.
    if (pickup.transferId)
      await tx
        .update(transfers)
        .set({ status: 'cancelled', cancelledAt: at })
        .where(and(eq(transfers.id, pickup.transferId), eq(transfers.status, 'draft')));
    await queuePickupMessage(tx, 'pickup.rejected', order, result.pickup, { reason: input.reason });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'pickup.reject',
      entityType: 'pickup',
      entityId: pickup.id,
      data: { orderId: order.id, reason: input.reason, note: input.note ?? null },
    });
    return result;
  });
}
