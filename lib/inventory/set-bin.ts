import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { inventoryLevels } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { can, type Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import type { SetBinInput } from './schemas';

export type SetBinResult = { bin: string | null; changed: boolean };

/**
 * Says where a SKU sits at a location (its bin: "A-12"), or clears it with a blank: the pick lists
 * and the pickup queue show it, and the batch pick list walks the bins in order. Whoever may
 * adjust stock there may (the input as ZSetBinInput parsed it: blank is null); audited with before and after; saying the same again changes nothing.
 */
export async function setBin(db: Db, actor: Actor, input: SetBinInput): Promise<SetBinResult> {
  const { variantId, locationId, bin } = input;
  if (!can(actor, 'inventory.adjust', locationId)) throw new Forbidden('You cannot change this location’s stock.');
  return db.transaction(async (tx) => {
    const where = and(eq(inventoryLevels.variantId, variantId), eq(inventoryLevels.locationId, locationId));
    const [current] = await tx.select({ bin: inventoryLevels.bin }).from(inventoryLevels).where(where).for('update');
    if (!current) throw new NotFound('Stock record');
    if (current.bin === bin) return { bin, changed: false };
    await tx.update(inventoryLevels).set({ bin, updatedAt: new Date() }).where(where);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'inventory.bin',
      entityType: 'inventory_level',
      entityId: `${variantId}:${locationId}`,
      data: { before: current.bin, after: bin },
    });
    return { bin, changed: true };
  });
}
