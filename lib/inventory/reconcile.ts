import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { writeAudit } from '@/lib/audit/write-audit';
import { findDrift, type Drift } from './invariants';
import { lockLevel } from './ledger';

export type ReconcileReport = {
  /** What the report read, outside any lock. */
  drift: Drift[];
  repaired: number;
  /** Rows still drifting under their lock that cannot be repaired (reservations beyond the ledger's stock). */
  unrepairable: Drift[];
};

/**
 * Finds rows whose on hand disagrees with the ledger or whose reserved disagrees with the active
 * reservations. With `fix`: each such (SKU, location) is repaired in a transaction of its own,
 * under its row lock and from its drift measured again under that lock, so a sale, receipt or
 * reservation committed since the report is kept, never overwritten: on hand is reset to the
 * ledger's sum, and reserved to the active reservations with a ledger entry (reason adjustment,
 * detail reconcile) so the ledger's reserved sum agrees too; each repair is audited.
 */
export async function reconcileInventory(
  db: Db,
  opts: { fix: boolean; actorId?: string | null; limit?: number },
): Promise<ReconcileReport> {
  const drift = await findDrift(db, opts.limit ?? 100_000);
  if (!opts.fix || drift.length === 0) return { drift, repaired: 0, unrepairable: [] };
  let repaired = 0;
  const unrepairable: Drift[] = [];
  // One row per transaction: it holds one lock at a time (no deadlock with orders locking several) and briefly.
  for (const candidate of drift) {
    const outcome = await db.transaction((tx) =>
      repairLevel(tx, candidate.variantId, candidate.locationId, opts.actorId ?? null),
    );
    if (outcome.kind === 'repaired') repaired++;
    else if (outcome.kind === 'unrepairable') unrepairable.push(outcome.drift);
  }
  return { drift, repaired, unrepairable };
}

type Outcome = { kind: 'repaired' | 'unrepairable'; drift: Drift } | { kind: 'consistent' };

async function repairLevel(
  tx: DbOrTx,
  variantId: string,
  locationId: string,
  actorId: string | null,
): Promise<Outcome> {
  if (!(await lockLevel(tx, variantId, locationId))) return { kind: 'consistent' };
  // Measured in a statement after the lock's: its snapshot includes whatever committed while the lock was awaited,
  // and every change of this row's stock (changeStock) is blocked until this transaction ends.
  const d = await driftOf(tx, variantId, locationId);
  if (d.onHand === d.ledgerOnHand && d.reserved === d.ledgerReserved && d.reserved === d.activeReserved)
    return { kind: 'consistent' };
  if (d.activeReserved > d.ledgerOnHand || d.ledgerOnHand < 0) return { kind: 'unrepairable', drift: d };
  const reservedFix = d.activeReserved - d.ledgerReserved;
  if (reservedFix !== 0) {
    await tx.execute(sql`
      insert into inventory_movements (variant_id, location_id, delta_on_hand, delta_reserved, reason, detail, actor_id)
      values (${variantId}, ${locationId}, 0, ${reservedFix}, 'adjustment', 'reconcile', ${actorId})`);
  }
  await tx.execute(sql`
    update inventory_levels set on_hand = ${d.ledgerOnHand}, reserved = ${d.activeReserved}, updated_at = now()
    where variant_id = ${variantId} and location_id = ${locationId}`);
  await writeAudit(tx, {
    actorId,
    action: 'inventory.reconcile',
    entityType: 'inventory_level',
    entityId: `${variantId}:${locationId}`,
    data: {
      onHand: [d.onHand, d.ledgerOnHand],
      reserved: [d.reserved, d.activeReserved],
      ledgerReservedDelta: reservedFix,
    },
  });
  return { kind: 'repaired', drift: d };
}

/** One row's drift, as findDrift measures it. */
async function driftOf(tx: DbOrTx, variantId: string, locationId: string): Promise<Drift> {
  const { rows } = await tx.execute<Drift>(sql`
    select l.variant_id as "variantId", l.location_id as "locationId", l.on_hand as "onHand", l.reserved as "reserved",
      coalesce(g.on_hand, 0)::int as "ledgerOnHand", coalesce(g.reserved, 0)::int as "ledgerReserved",
      coalesce(a.reserved, 0)::int as "activeReserved"
    from inventory_levels l
    cross join (select sum(delta_on_hand) as on_hand, sum(delta_reserved) as reserved from inventory_movements
                where variant_id = ${variantId} and location_id = ${locationId}) g
    cross join (select sum(quantity) as reserved from reservations
                where variant_id = ${variantId} and location_id = ${locationId} and status = 'active') a
    where l.variant_id = ${variantId} and l.location_id = ${locationId}`);
  return rows[0];
}
