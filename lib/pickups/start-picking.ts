import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { lockPickupForActor } from './lock-pickup';
import { transitionPickup, type PickupTransitionResult } from './transition';

/** placed → to pick: a staff member takes the order to prepare it. Harmless when repeated. */
export async function startPicking(
  db: Db,
  actor: Actor,
  input: { pickupId: string },
  at = new Date(),
): Promise<PickupTransitionResult> {
  return db.transaction(async (tx) => {
    await lockPickupForActor(tx, actor, input.pickupId);
    return transitionPickup(tx, { pickupId: input.pickupId, event: 'start_picking', actorId: actor.userId, at });
  });
}
