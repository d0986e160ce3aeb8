import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { markReadyInTx } from './mark-ready';
import { isPickComplete, readPickLines } from './pick-lines';
import { lockPickupForActor } from './lock-pickup';
import { transitionPickup, type PickupTransitionResult } from './transition';

/**
 * The pick list's "ready": refused while a line is not in the basket or missing units wait for a
 * decision; otherwise markReady (code, hold, message) in the same transaction. A pickup already
 * ready is returned as it is, so a double tap issues one code and one message.
 */
export async function finishPicking(
  db: Db,
  actor: Actor,
  input: { pickupId: string },
  at = new Date(),
): Promise<PickupTransitionResult> {
  return db.transaction(async (tx) => {
    const { pickup, order } = await lockPickupForActor(tx, actor, input.pickupId);
    if (pickup.state === 'ready') return { changed: false, pickup };
    const lines = await readPickLines(tx, pickup.id, order.id);
    if (lines.some((l) => l.short > 0))
      throw new DomainError('unprocessable', 'Some units are missing: choose what to do about them first.', {
        reason: 'short_open',
      });
    if (!isPickComplete(lines))
      throw new DomainError('unprocessable', 'Pick every line before making the order ready.', {
        reason: 'not_picked',
      });
    if (pickup.state === 'placed')
      await transitionPickup(tx, { pickupId: pickup.id, event: 'start_picking', actorId: actor.userId, at });
    return markReadyInTx(tx, actor, input, at);
  });
}
