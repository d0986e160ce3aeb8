import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { writeAudit } from '@/lib/audit/write-audit';
import { findDrift, type Drift } from './invariants';

export type ReconcileReport = { drift: Drift[]; repaired: number; unrepairable: Drift[] };

/**
 * Finds rows whose on hand disagrees with the ledger or whose reserved disagrees with the active
 * reservations. With `fix`: on hand is reset to the ledger's sum, and reserved to the active
 * reservations with a ledger entry (reason adjustment, detail reconcile) so the ledger's
 * reserved sum agrees too — all in one transaction, audited.
 */
export async function reconcileInventory(db: Db, opts: { fix: boolean; actorId?: string | null; limit?: number }): Promise<ReconcileReport> {
  const drift = await findDrift(db, opts.limit ?? 100_000);
  if (!opts.fix || drift.length === 0) return { drift, repaired: 0, unrepairable: [] };
  const unrepairable = drift.filter((d) => d.activeReserved > d.ledgerOnHand || d.ledgerOnHand < 0);
  const repairable = drift.filter((d) => !unrepairable.includes(d));
  await db.transaction(async (tx) => {
    for (const d of repairable) {
      const reservedFix = d.activeReserved - d.ledgerReserved;
      if (reservedFix !== 0) {
        await tx.execute(sql`
          insert into inventory_movements (variant_id, location_id, delta_on_hand, delta_reserved, reason, detail, actor_id)
          values (${d.variantId}, ${d.locationId}, 0, ${reservedFix}, 'adjustment', 'reconcile', ${opts.actorId ?? null})`);
      }
      await tx.execute(sql`
        update inventory_levels set on_hand = ${d.ledgerOnHand}, reserved = ${d.activeReserved}, updated_at = now()
        where variant_id = ${d.variantId} and location_id = ${d.locationId}`);
    }
    await writeAudit(tx, {
      actorId: opts.actorId ?? null,
      action: 'inventory.reconcile',
      entityType: 'inventory',
      entityId: 'all',
      data: { repaired: repairable.length, unrepairable: unrepairable.length },
    });
  });
  return { drift, repaired: repairable.length, unrepairable };
}
