import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { findVariantByCode } from '@/lib/inventory/queries/codes';
import { isPickComplete, lockPickupForPicking, savePickLine, type PickLineState } from './pick-lines';
import type { PickLineInput, ScanPickInput } from './schemas';

export type PickLineResult = {
  /** False when the line already showed this (a retried tap or scan). */
  changed: boolean;
  line: PickLineState;
  /** Every line picked and nothing short: the pickup can be made ready. */
  complete: boolean;
};

/**
 * Sets how many units of a line are in the basket (a tap: the whole line, or 0 to put them back),
 * in one transaction under the pickup's lock; a pickup just placed starts being picked. The same
 * request twice changes nothing. Refuses more than the line still needs once missing units are set
 * aside.
 */
export async function pickLine(db: Db, actor: Actor, input: PickLineInput, at = new Date()): Promise<PickLineResult> {
  return db.transaction(async (tx) => {
    const { pickup, lines } = await lockPickupForPicking(tx, actor, input.pickupId, at);
    const line = lines.find((l) => l.orderLineId === input.orderLineId);
    if (!line)
      throw new DomainError('unprocessable', 'This line is not part of this order.', { reason: 'not_in_order' });
    const most = line.quantity - line.short;
    if (input.quantity > most)
      throw new DomainError('unprocessable', `At most ${most} unit(s) of ${line.sku} can be picked.`, {
        reason: 'too_many',
        most,
      });
    if (line.picked === input.quantity) return { changed: false, line, complete: isPickComplete(lines) };
    await savePickLine(tx, pickup.id, line.orderLineId, {
      quantityPicked: input.quantity,
      pickedAt: at,
      pickedById: actor.userId,
      updatedAt: at,
    });
    line.picked = input.quantity;
    return { changed: true, line, complete: isPickComplete(lines) };
  });
}

/**
 * A scanned barcode or SKU (the same rule as the inventory's scan field): one more unit of the
 * order's line for that variant. `seen`, the units of that variant the page showed picked, makes a
 * retry harmless: when more are picked already, nothing changes. A code of no line of this order, or of a line already complete,
 * is refused with a message the picker can act on.
 */
export async function scanPickLine(
  db: Db,
  actor: Actor,
  input: ScanPickInput,
  at = new Date(),
): Promise<PickLineResult> {
  return db.transaction(async (tx) => {
    const { pickup, lines } = await lockPickupForPicking(tx, actor, input.pickupId, at);
    const variant = await findVariantByCode(tx, input.code);
    const candidates = variant ? lines.filter((l) => l.variantId === variant.id) : [];
    if (candidates.length === 0)
      throw new DomainError('unprocessable', `${input.code.trim()} is not in this order.`, {
        reason: 'not_in_order',
        code: input.code.trim(),
      });
    const pickedOfVariant = candidates.reduce((n, l) => n + l.picked, 0);
    if (input.seen !== undefined && pickedOfVariant > input.seen) {
      const last = candidates.findLast((l) => l.picked > 0) ?? candidates[0];
      return { changed: false, line: last, complete: isPickComplete(lines) };
    }
    // The same SKU on two lines: fill them in line order.
    const line = candidates.find((l) => l.picked < l.quantity - l.short);
    if (!line)
      throw new DomainError('conflict', `Every unit of ${candidates[0].sku} is already picked.`, {
        reason: 'already_picked',
        sku: candidates[0].sku,
      });
    line.picked += 1;
    await savePickLine(tx, pickup.id, line.orderLineId, {
      quantityPicked: line.picked,
      pickedAt: at,
      pickedById: actor.userId,
      updatedAt: at,
    });
    return { changed: true, line, complete: isPickComplete(lines) };
  });
}
