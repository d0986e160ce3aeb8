import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { transferLines, transfers } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden, IllegalTransition, NotFound } from '@/lib/errors';
import { insertTransfer } from './insert-transfer';
import { changeStock } from './ledger';
import { takeOrderReservations } from './order-transfers';
import type { CreateTransferInput, ReceiveTransferInput, ReceiveTransferUnitsInput } from './schemas';

type TransferStatus = (typeof transfers.$inferSelect)['status'];
export type TransferRow = typeof transfers.$inferSelect;

const NEXT: Record<TransferStatus, readonly TransferStatus[]> = {
  requested: ['accepted', 'declined', 'cancelled'],
  accepted: ['in_transit', 'cancelled'],
  draft: ['in_transit', 'cancelled'],
  in_transit: ['received', 'cancelled'],
  received: [],
  cancelled: [],
  declined: [],
};

/** Refuses a step the state machine does not allow from the transfer's status (IllegalTransition). */
export function assertTransition(from: TransferStatus, to: TransferStatus) {
  if (!NEXT[from].includes(to)) throw new IllegalTransition(from, to);
}

/** The transfer's row, locked for the transaction (NotFound when there is none). */
export async function lockTransfer(tx: DbOrTx, transferId: string): Promise<TransferRow> {
  const [row] = await tx.select().from(transfers).where(eq(transfers.id, transferId)).for('update');
  if (!row) throw new NotFound('Transfer');
  return row;
}

/** The transfer's lines in SKU order (a request's line accepted at 0 included). */
export async function linesOf(tx: DbOrTx, transferId: string) {
  return tx
    .select({
      variantId: transferLines.variantId,
      quantity: transferLines.quantity,
      quantityRequested: transferLines.quantityRequested,
      quantityReceived: transferLines.quantityReceived,
    })
    .from(transferLines)
    .where(eq(transferLines.transferId, transferId))
    .orderBy(transferLines.variantId);
}

/** Creates a draft transfer; no stock moves until it is shipped. */
export async function createTransfer(
  db: Db,
  actor: Actor,
  input: CreateTransferInput,
): Promise<{ id: string; number: string }> {
  if (!can(actor, 'inventory.transfer', input.sourceLocationId))
    throw new Forbidden('You cannot send stock from this location.');
  return db.transaction(async (tx) => {
    const { id, number } = await insertTransfer(
      tx,
      {
        sourceLocationId: input.sourceLocationId,
        destinationLocationId: input.destinationLocationId,
        note: input.note ?? null,
        createdById: actor.userId,
      },
      input.lines,
      { action: 'transfer.create' },
    );
    return { id, number };
  });
}

/**
 * Ships a draft or an accepted request: every line leaves the source (transfer out) or nothing does. A transfer carrying
 * a click-and-collect order (ship-to-store) takes the order's reservation at the source with it:
 * the units leave on hand and reserved in one ledger entry.
 */
export async function shipTransfer(db: Db, actor: Actor, transferId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const transfer = await lockTransfer(tx, transferId);
    if (!can(actor, 'inventory.transfer', transfer.sourceLocationId))
      throw new Forbidden('You cannot ship from this location.');
    if (transfer.status === 'in_transit') return; // a retried click
    assertTransition(transfer.status, 'in_transit');
    for (const line of await linesOf(tx, transferId)) {
      if (line.quantity === 0) continue; // a requested SKU the source sends none of
      const where = { variantId: line.variantId, locationId: transfer.sourceLocationId };
      const reserved = transfer.orderId
        ? await takeOrderReservations(tx, { ...where, orderId: transfer.orderId, quantity: line.quantity })
        : 0;
      await changeStock(tx, {
        ...where,
        deltaOnHand: -line.quantity,
        ...(reserved ? { deltaReserved: -reserved } : {}),
        reason: 'transfer_out',
        referenceType: 'transfer',
        referenceId: transfer.id,
        actorId: actor.userId,
      });
    }
    await tx
      .update(transfers)
      .set({ status: 'in_transit', shippedAt: sql`now()` })
      .where(eq(transfers.id, transferId));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'transfer.ship',
      entityType: 'transfer',
      entityId: transferId,
    });
  });
}

/** Units of a SKU that arrived with a transfer. */
export type ReceivedLine = { variantId: string; quantity: number };

type AfterReceived = (tx: DbOrTx, transfer: TransferRow, received: ReceivedLine[]) => Promise<void>;

/** What a receipt did: the units booked now, the lines found short or over, and whether the transfer is now closed. */
export type ReceiptResult = { units: number; discrepancies: number; complete: boolean };

/**
 * Receives an in-transit transfer at its destination in one go, possibly short or over: each line's
 * received quantity is the total that arrived (a SKU left out arrived in full), and the transfer
 * closes. `afterReceived` runs in the same transaction with what arrived (a click-and-collect
 * order's transfer reserves it for the order: lib/pickups/receive-transfer.ts); a retried receipt
 * does not run it again.
 */
export async function receiveTransfer(
  db: Db,
  actor: Actor,
  input: ReceiveTransferInput,
  opts: { afterReceived?: AfterReceived } = {},
): Promise<{ discrepancies: number }> {
  return db.transaction(async (tx) => {
    const transfer = await lockForReceipt(tx, actor, input.transferId);
    if (!transfer) return { discrepancies: 0 };
    const totals = new Map(input.lines.map((l) => [l.variantId, l.quantityReceived]));
    const arrivals = new Map<string, number>();
    for (const line of await linesOf(tx, transfer.id)) {
      const before = line.quantityReceived ?? 0;
      const total = totals.get(line.variantId) ?? Math.max(line.quantity, before);
      if (total < before)
        throw new DomainError(
          'validation_failed',
          `${before} units of this SKU were already received: enter at least that many.`,
        );
      arrivals.set(line.variantId, total - before);
    }
    const { discrepancies } = await bookReceipt(tx, actor, transfer, arrivals, true, opts.afterReceived);
    return { discrepancies };
  });
}

/**
 * Books one delivery of an in-transit transfer at its destination, as scanned or typed: the units
 * that arrived now, line by line. What is still missing stays in transit, and the transfer stays
 * open, until every shipped unit has arrived or the receiver says nothing more is coming
 * (`closeShort`: the rest is recorded short). `seen`, the units the receiver's screen showed as
 * already received, refuses a receipt made twice or over someone else's (conflict) instead of
 * counting its units again.
 */
export async function receiveTransferUnits(
  db: Db,
  actor: Actor,
  input: ReceiveTransferUnitsInput,
  opts: { afterReceived?: AfterReceived } = {},
): Promise<ReceiptResult> {
  return db.transaction(async (tx) => {
    const transfer = await lockForReceipt(tx, actor, input.transferId);
    if (!transfer) throw new IllegalTransition('received', 'received');
    const lines = await linesOf(tx, transfer.id);
    if (input.seen !== undefined && input.seen !== lines.reduce((a, l) => a + (l.quantityReceived ?? 0), 0))
      throw new DomainError(
        'conflict',
        'Part of this transfer was received meanwhile: reload it before receiving more.',
      );
    const onTransfer = new Set(lines.map((l) => l.variantId));
    const arrivals = new Map<string, number>();
    for (const l of input.lines) {
      if (!onTransfer.has(l.variantId)) throw new DomainError('unprocessable', 'This SKU is not on the transfer.');
      arrivals.set(l.variantId, (arrivals.get(l.variantId) ?? 0) + l.quantity);
    }
    return bookReceipt(tx, actor, transfer, arrivals, input.closeShort, opts.afterReceived);
  });
}

/** The transfer locked for a receipt at its destination; null when it is already received (a retried click). */
async function lockForReceipt(tx: DbOrTx, actor: Actor, transferId: string): Promise<TransferRow | null> {
  const transfer = await lockTransfer(tx, transferId);
  if (!can(actor, 'inventory.transfer', transfer.destinationLocationId))
    throw new Forbidden('You cannot receive at this location.');
  if (transfer.status === 'received') return null;
  assertTransition(transfer.status, 'received');
  return transfer;
}

/**
 * The ledger of a receipt, as a single receipt has always written it: a line's shipped units come
 * in as transfer in (now what arrived of them; at the close what never did), and a difference with
 * what was shipped is an adjustment (transfer over when more arrived, transfer short at the close),
 * so a discrepancy stays visible in the destination's ledger and the transfer's ins equal its outs.
 */
async function bookReceipt(
  tx: DbOrTx,
  actor: Actor,
  transfer: TransferRow,
  arrivals: ReadonlyMap<string, number>,
  close: boolean,
  afterReceived?: AfterReceived,
): Promise<ReceiptResult> {
  const ref = { referenceType: 'transfer' as const, referenceId: transfer.id, actorId: actor.userId };
  let units = 0;
  let discrepancies = 0;
  let complete = true;
  const totals: ReceivedLine[] = [];
  for (const line of await linesOf(tx, transfer.id)) {
    const where = { variantId: line.variantId, locationId: transfer.destinationLocationId };
    const before = line.quantityReceived ?? 0;
    const now = arrivals.get(line.variantId) ?? 0;
    const inNow = Math.max(0, Math.min(now, line.quantity - before));
    const over = now - inNow;
    if (inNow > 0) await changeStock(tx, { ...where, ...ref, deltaOnHand: inNow, reason: 'transfer_in' });
    if (over > 0)
      await changeStock(tx, { ...where, ...ref, deltaOnHand: over, reason: 'adjustment', detail: 'transfer_over' });
    const total = before + now;
    const missing = line.quantity - total;
    if (missing > 0 && close) {
      await changeStock(tx, { ...where, ...ref, deltaOnHand: missing, reason: 'transfer_in' });
      await changeStock(tx, {
        ...where,
        ...ref,
        deltaOnHand: -missing,
        reason: 'adjustment',
        detail: 'transfer_short',
      });
    }
    if (over > 0 || (missing > 0 && close)) discrepancies += 1;
    if (missing > 0 && !close) complete = false;
    units += now;
    if (total > 0) totals.push({ variantId: line.variantId, quantity: total });
    if (now > 0 || close)
      await tx
        .update(transferLines)
        .set({ quantityReceived: total })
        .where(and(eq(transferLines.transferId, transfer.id), eq(transferLines.variantId, line.variantId)));
  }
  if (complete)
    await tx
      .update(transfers)
      .set({ status: 'received', receivedAt: sql`now()` })
      .where(eq(transfers.id, transfer.id));
  await writeAudit(tx, {
    actorId: actor.userId,
    action: complete ? 'transfer.receive' : 'transfer.receive_part',
    entityType: 'transfer',
    entityId: transfer.id,
    data: { units, discrepancies },
  });
  if (complete) await afterReceived?.(tx, transfer, totals);
  return { units, discrepancies, complete };
}

/**
 * Cancels a draft or an accepted request (the source's call), a request not answered yet (the
 * requesting store's), or an in-transit transfer none of which has arrived, whose stock then
 * returns to the source.
 */
export async function cancelTransfer(db: Db, actor: Actor, transferId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const transfer = await lockTransfer(tx, transferId);
    const side = transfer.status === 'requested' ? transfer.destinationLocationId : transfer.sourceLocationId;
    if (!can(actor, 'inventory.transfer', side)) throw new Forbidden('You cannot cancel this transfer.');
    if (transfer.status === 'cancelled') return;
    assertTransition(transfer.status, 'cancelled');
    // Its units are the order's, and its pickup waits for it: rejecting the pickup settles the
    // order's stock and cancels a transfer not yet shipped (lib/pickups/reject-pickup.ts).
    if (transfer.orderId)
      throw new DomainError(
        'conflict',
        'This transfer carries a click-and-collect order: reject the pickup instead, or receive the transfer at the store.',
      );
    if (transfer.status === 'in_transit') {
      const lines = await linesOf(tx, transferId);
      if (lines.some((l) => (l.quantityReceived ?? 0) > 0))
        throw new DomainError(
          'conflict',
          'Part of this transfer has arrived: receive the rest, or record it as short, instead of cancelling.',
        );
      for (const line of lines) {
        if (line.quantity === 0) continue;
        await changeStock(tx, {
          variantId: line.variantId,
          locationId: transfer.sourceLocationId,
          deltaOnHand: line.quantity,
          reason: 'transfer_in',
          detail: 'transfer_cancelled',
          referenceType: 'transfer',
          referenceId: transfer.id,
          actorId: actor.userId,
        });
      }
    }
    await tx
      .update(transfers)
      .set({ status: 'cancelled', cancelledAt: sql`now()` })
      .where(eq(transfers.id, transferId));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'transfer.cancel',
      entityType: 'transfer',
      entityId: transferId,
    });
  });
}
