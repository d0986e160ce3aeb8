import type { inventoryMovements } from '@/db/schema';

export type MovementRow = typeof inventoryMovements.$inferInsert;
type Reason = MovementRow['reason'];
type Reference = NonNullable<MovementRow['referenceType']>;

export type LedgerTotals = {
  onHand: number;
  reserved: number;
  /** Units that arrived by other means than the seed receipt (returns, transfers in, finds). */
  inflow: number;
  lastAt: number;
};

/**
 * Collects the movements the generators write and keeps, per (variant, location), the sums
 * the inventory row must end up equal to. The opening receipt is added last, sized so that
 * the ledger adds up to the chosen stock level.
 */
export class Ledger {
  readonly rows: MovementRow[] = [];
  private readonly totals = new Map<string, LedgerTotals>();

  add(m: {
    variantId: string;
    locationId: string;
    deltaOnHand?: number;
    deltaReserved?: number;
    reason: Reason;
    detail?: string;
    referenceType: Reference;
    referenceId: string | null;
    actorId?: string | null;
    at: number;
  }): void {
    const dOn = m.deltaOnHand ?? 0;
    const dRes = m.deltaReserved ?? 0;
    if (dOn === 0 && dRes === 0) return;
    this.rows.push({
      variantId: m.variantId,
      locationId: m.locationId,
      deltaOnHand: dOn,
      deltaReserved: dRes,
      reason: m.reason,
      detail: m.detail ?? null,
      referenceType: m.referenceType,
      referenceId: m.referenceId,
      actorId: m.actorId ?? null,
      createdAt: new Date(m.at),
    });
    const key = `${m.variantId}|${m.locationId}`;
    let t = this.totals.get(key);
    if (!t) {
      t = { onHand: 0, reserved: 0, inflow: 0, lastAt: 0 };
      this.totals.set(key, t);
    }
    t.onHand += dOn;
    t.reserved += dRes;
    if (dOn > 0) t.inflow += dOn;
    if (m.at > t.lastAt) t.lastAt = m.at;
  }

  totalsOf(variantId: string, locationId: string): LedgerTotals {
    return this.totals.get(`${variantId}|${locationId}`) ?? { onHand: 0, reserved: 0, inflow: 0, lastAt: 0 };
  }

  /** Oldest first, so identity ids follow time. */
  sorted(): MovementRow[] {
    return [...this.rows].sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  }
}
