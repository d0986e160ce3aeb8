import type { Db } from '@/db/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { Forbidden, NotFound, StockConflict } from '@/lib/errors';
import { changeStock, lockLevel, type StockLevel } from './ledger';
import type { AdjustStockInput } from './schemas';

export type AdjustStockResult = StockLevel & { delta: number };

/** Adjusts on hand at one location, with its ledger entry and audit row in one transaction. */
export async function adjustStock(db: Db, actor: Actor, input: AdjustStockInput): Promise<AdjustStockResult> {
  if (!can(actor, 'inventory.adjust', input.locationId))
    throw new Forbidden('You cannot adjust stock at this location.');
  return db.transaction(async (tx) => {
    const current = await lockLevel(tx, input.variantId, input.locationId);
    if (!current) throw new NotFound('Stock record');
    const delta = input.mode === 'set' ? input.quantity - current.onHand : input.quantity;
    if (delta === 0) return { ...current, delta };
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
      referenceType: 'adjustment',
      actorId: actor.userId,
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'inventory.adjust',
      entityType: 'inventory_level',
      entityId: `${input.variantId}:${input.locationId}`,
      data: { delta, reason: input.reason, note: input.note ?? null, before: current.onHand, after: level.onHand },
    });
    return { ...level, delta };
  });
}
