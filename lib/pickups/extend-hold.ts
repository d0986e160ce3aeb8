import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { lockPickupForActor } from './lock-pickup';
import { queuePickupMessage } from './messages';
import type { ExtendHoldInput } from './schemas';
import { transitionPickup, type PickupTransitionResult } from './transition';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A store keeps a ready parcel longer: the hold ends `days` later than it did, the last reminder
 * is planned again from the new end (remind-pickups.ts), and the customer is told. Audited.
 */
export async function extendHold(
  db: Db,
  actor: Actor,
  input: ExtendHoldInput,
  at = new Date(),
): Promise<PickupTransitionResult> {
  return db.transaction(async (tx) => {
    const { pickup, order } = await lockPickupForActor(tx, actor, input.pickupId);
    const base = Math.max(pickup.dueBy?.getTime() ?? at.getTime(), at.getTime());
    const dueBy = new Date(base + input.days * DAY_MS);
    const result = await transitionPickup(tx, {
      pickupId: pickup.id,
      event: 'extend_hold',
      actorId: actor.userId,
      at,
      set: { dueBy },
      data: { dueBy: dueBy.toISOString(), days: input.days },
    });
    await queuePickupMessage(tx, 'pickup.hold_extended', order, result.pickup);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'pickup.extend_hold',
      entityType: 'pickup',
      entityId: pickup.id,
      data: { before: pickup.dueBy?.toISOString() ?? null, after: dueBy.toISOString() },
    });
    return result;
  });
}
