import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { inventoryLevels, inventoryMovements, stockAlerts } from '@/db/schema';
import { StockConflict } from '@/lib/errors';
import { availableToPromiseSql } from './rules';
import { notifyStockAlerts } from './stock-alerts/notify-stock-alerts';

export type MovementReason = (typeof inventoryMovements.$inferInsert)['reason'];
export type MovementReference = NonNullable<(typeof inventoryMovements.$inferInsert)['referenceType']>;

export type StockChange = {
  variantId: string;
  locationId: string;
  deltaOnHand?: number;
  deltaReserved?: number;
  reason: MovementReason;
  detail?: string | null;
  /** Why, in the staff's words (an adjustment's note). */
  note?: string | null;
  referenceType?: MovementReference | null;
  referenceId?: string | null;
  actorId?: string | null;
};

export type StockLevel = { onHand: number; reserved: number };

/**
 * One change of one (SKU, location) row: a conditional update of the row and its ledger entry, in
 * the caller's transaction. Guarantees 0 ≤ reserved ≤ on hand after the change, under any
 * concurrency (the condition is evaluated on the locked row), or throws StockConflict and writes
 * nothing. Every use case that moves stock one row at a time goes through it. A change that lets
 * the row promise stock while a customer waits for the SKU there or online tells them
 * (notifyStockAlerts); otherwise the alerts cost no statement (alertsDueSql).
 *
 * Two writers make the same pair of writes themselves, and keep the ledger invariant (the sum of
 * a row's deltas equals the row) in the same statement or transaction:
 * - an order's stock claim (claimStockCtes and bookClaimedStockCtes in reserve.ts) updates all the
 *   rows of an order and writes their ledger entries inside the statement that inserts the
 *   order, so that ingesting an order stays one round trip; a changeStock per line would add a
 *   round trip per line on the hottest path;
 * - the reconcile repair (reconcile.ts) does not move stock but sets a drifted row back to the
 *   ledger's on hand and the active reservations, with the ledger entry that brings the ledger's
 *   reserved to the same figure.
 */
export async function changeStock(tx: DbOrTx, change: StockChange): Promise<StockLevel> {
  const dOnHand = change.deltaOnHand ?? 0;
  const dReserved = change.deltaReserved ?? 0;
  if (dOnHand === 0 && dReserved === 0) throw new Error('changeStock called with no change');
  if (!Number.isSafeInteger(dOnHand) || !Number.isSafeInteger(dReserved))
    throw new Error('Stock deltas must be integers');

  if (dOnHand >= 0 && dReserved >= 0) {
    // Stock may arrive where the SKU has never been: create the row on first receipt.
    await tx
      .insert(inventoryLevels)
      .values({ variantId: change.variantId, locationId: change.locationId })
      .onConflictDoNothing();
  }

  // Stock arriving or freed (a receipt, a transfer in, a return, a count, a release) may meet a
  // customer's stock alert, to be told in this transaction, once.
  const mayMeetAlerts = dOnHand > 0 || dReserved < 0;
  const [level] = await tx
    .update(inventoryLevels)
    .set({
      onHand: sql`${inventoryLevels.onHand} + ${dOnHand}`,
      reserved: sql`${inventoryLevels.reserved} + ${dReserved}`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(inventoryLevels.variantId, change.variantId),
        eq(inventoryLevels.locationId, change.locationId),
        sql`${inventoryLevels.reserved} + ${dReserved} >= 0`,
        sql`${inventoryLevels.onHand} + ${dOnHand} >= ${inventoryLevels.reserved} + ${dReserved}`,
      ),
    )
    .returning({
      onHand: inventoryLevels.onHand,
      reserved: inventoryLevels.reserved,
      alertsDue: mayMeetAlerts ? alertsDueSql(change) : sql<boolean>`false`,
    });

  if (!level) {
    throw new StockConflict('This change would take stock below zero or below what is reserved.', {
      variantId: change.variantId,
      locationId: change.locationId,
    });
  }

  await tx.insert(inventoryMovements).values({
    variantId: change.variantId,
    locationId: change.locationId,
    deltaOnHand: dOnHand,
    deltaReserved: dReserved,
    reason: change.reason,
    detail: change.detail ?? null,
    referenceType: change.referenceType ?? null,
    referenceId: change.referenceId ?? null,
    note: change.note ?? null,
    actorId: change.actorId ?? null,
  });
  if (level.alertsDue) await notifyStockAlerts(tx, { variantIds: [change.variantId] });
  return { onHand: level.onHand, reserved: level.reserved };
}

/**
 * Asked by the update itself (no statement of its own): the row can now promise one unit, and a
 * customer waits for the SKU here or online — one probe of the partial index of waiting alerts,
 * which is empty for nearly every SKU. Only then does changeStock look for the alerts to tell.
 */
function alertsDueSql(change: StockChange): SQL<boolean> {
  return sql<boolean>`${availableToPromiseSql(inventoryLevels)} >= 1 and exists (
    select 1 from ${stockAlerts} a
    where a.status = 'waiting' and a.variant_id = ${change.variantId}
      and (a.location_id is null or a.location_id = ${change.locationId}))`;
}

/** Locks the (SKU, location) row for a read-then-write (e.g. "set counted quantity"). */
export async function lockLevel(tx: DbOrTx, variantId: string, locationId: string): Promise<StockLevel | null> {
  const [row] = await tx
    .select({ onHand: inventoryLevels.onHand, reserved: inventoryLevels.reserved })
    .from(inventoryLevels)
    .where(and(eq(inventoryLevels.variantId, variantId), eq(inventoryLevels.locationId, locationId)))
    .for('update');
  return row ?? null;
}
