import type { Db } from '@/db/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { Forbidden } from '@/lib/errors';
import { changeStock } from './ledger';
import type { ReceiveStockInput } from './schemas';

/** Receives a supplier delivery: every line and its ledger entry, all or nothing. */
export async function receiveStock(db: Db, actor: Actor, input: ReceiveStockInput): Promise<{ units: number }> {
  if (!can(actor, 'inventory.adjust', input.locationId))
    throw new Forbidden('You cannot receive stock at this location.');
  const merged = new Map<string, number>();
  for (const line of input.lines) merged.set(line.variantId, (merged.get(line.variantId) ?? 0) + line.quantity);
  return db.transaction(async (tx) => {
    // A stable order of row locks keeps two concurrent receipts from deadlocking.
    for (const [variantId, quantity] of [...merged].sort(([a], [b]) => a.localeCompare(b))) {
      await changeStock(tx, {
        variantId,
        locationId: input.locationId,
        deltaOnHand: quantity,
        reason: 'receipt',
        referenceType: 'receipt',
        referenceId: input.reference,
        actorId: actor.userId,
      });
    }
    const units = [...merged.values()].reduce((a, b) => a + b, 0);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'inventory.receive',
      entityType: 'location',
      entityId: input.locationId,
      data: { reference: input.reference, lines: merged.size, units },
    });
    return { units };
  });
}
