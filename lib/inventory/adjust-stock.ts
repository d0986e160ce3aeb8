import type { Db } from '@/db/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden, NotFound, StockConflict } from '@/lib/errors';
import { reasonFitsChange } from './adjustment-reasons';
import { changeStock, lockLevel, type StockLevel } from './ledger';
import type { AdjustStockInput } from './schemas';

export type AdjustStockResult = StockLevel & { delta: number };

/**
 * Adjusts on hand at one location, with its ledger entry and audit row in one transaction. The
 * reason must explain the change's direction (a counted quantity's is known only here, on the
 * locked row); the note and the document reference are kept on the ledger line, where the SKU's
 * stock movements show them.
 */
export async function adjustStock(db: Db, actor: Actor, input: AdjustStockInput): Promise<AdjustStockResult> {
  if (!can(actor, 'inventory.adjust', input.locationId))
    throw new Forbidden('You cannot adjust stock at this location.');
  return db.transaction(async (tx) => {
    const current = await lockLevel(tx, input.variantId, input.locationId);
    if (!current) throw new NotFound('Stock record');
    const delta = input.mode === 'set' ? input.quantity - current.onHand : input.quantity;
    if (delta === 0) return { ...current, delta };
    if (!reasonFitsChange(input.reason, delta)) {
      throw new DomainError(
        'unprocessable',
        delta > 0 ? 'This reason does not explain units added.' : 'This reason does not explain units removed.',
        { field: 'reason', delta },
      );
    }
    if (current.onHand + delta < current.reserved) {
      throw new StockConflict(
        current.onHand + delta < 0
          ? 'On hand cannot go below zero.'
          : `On hand cannot go below the ${current.reserved} units reserved for orders.`,
        { onHand: current.onHand, reserved: current.reserved },
      );
    }
    const level = await changeStock(tx, {
      variantId: input.variantId,
      locationId: input.locationId,
      deltaOnHand: delta,
      reason: input.reason === 'count_correction' ? 'count' : 'adjustment',
      detail: input.reason,
      note: input.note || null,
      referenceType: 'adjustment',
      referenceId: input.reference || null,
      actorId: actor.userId,
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'inventory.adjust',
      entityType: 'inventory_level',
      entityId: `${input.variantId}:${input.locationId}`,
      data: {
        delta,
        reason: input.reason,
        note: input.note || null,
        reference: input.reference || null,
        before: current.onHand,
        after: level.onHand,
      },
    });
    return { ...level, delta };
  });
}
