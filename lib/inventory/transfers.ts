import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { transferLines, transfers } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden, IllegalTransition, NotFound } from '@/lib/errors';
import { changeStock } from './ledger';
import { takeOrderReservations } from './order-transfers';
import type { CreateTransferInput, ReceiveTransferInput } from './schemas';

type TransferStatus = (typeof transfers.$inferSelect)['status'];
export type TransferRow = typeof transfers.$inferSelect;

const NEXT: Record<TransferStatus, readonly TransferStatus[]> = {
  draft: ['in_transit', 'cancelled'],
  in_transit: ['received', 'cancelled'],
  received: [],
  cancelled: [],
};

function assertTransition(from: TransferStatus, to: TransferStatus) {
  if (!NEXT[from].includes(to)) throw new IllegalTransition(from, to);
}

async function lockTransfer(tx: DbOrTx, transferId: string): Promise<TransferRow> {
  const [row] = await tx.select().from(transfers).where(eq(transfers.id, transferId)).for('update');
  if (!row) throw new NotFound('Transfer');
  return row;
}

async function linesOf(tx: DbOrTx, transferId: string) {
  return tx
    .select({ variantId: transferLines.variantId, quantity: transferLines.quantity })
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
  const merged = new Map<string, number>();
  for (const l of input.lines) merged.set(l.variantId, (merged.get(l.variantId) ?? 0) + l.quantity);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(transfers)
      .values({
        number: sql`'TR-' || nextval('transfer_number_seq')`,
        sourceLocationId: input.sourceLocationId,
        destinationLocationId: input.destinationLocationId,
        note: input.note ?? null,
        createdById: actor.userId,
      })
      .returning({ id: transfers.id, number: transfers.number });
    await tx
      .insert(transferLines)
      .values([...merged].map(([variantId, quantity]) => ({ transferId: created.id, variantId, quantity })));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'transfer.create',
      entityType: 'transfer',
      entityId: created.id,
    });
    return created;
  });
}

/**
 * Ships a draft: every line leaves the source (transfer out) or nothing does. A transfer carrying
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

/**
 * Receives an in-transit transfer at its destination, possibly short or over: the shipped
 * quantity arrives (transfer in) and the difference is a ledger adjustment with its reason, so
 * the discrepancy stays visible in the destination's ledger. `afterReceived` runs in the same
 * transaction with what arrived (a click-and-collect order's transfer reserves it for the order:
 * lib/pickups/receive-transfer.ts); a retried receipt does not run it again.
 */
export async function receiveTransfer(
  db: Db,
  actor: Actor,
  input: ReceiveTransferInput,
  opts: { afterReceived?: (tx: DbOrTx, transfer: TransferRow, received: ReceivedLine[]) => Promise<void> } = {},
): Promise<{ discrepancies: number }> {
  return db.transaction(async (tx) => {
    const transfer = await lockTransfer(tx, input.transferId);
    if (!can(actor, 'inventory.transfer', transfer.destinationLocationId))
      throw new Forbidden('You cannot receive at this location.');
    if (transfer.status === 'received') return { discrepancies: 0 };
    assertTransition(transfer.status, 'received');
    const received = new Map(input.lines.map((l) => [l.variantId, l.quantityReceived]));
    let discrepancies = 0;
    const arrived: ReceivedLine[] = [];
    for (const line of await linesOf(tx, transfer.id)) {
      const got = received.get(line.variantId) ?? line.quantity;
      arrived.push({ variantId: line.variantId, quantity: got });
      const ref = { referenceType: 'transfer' as const, referenceId: transfer.id, actorId: actor.userId };
      const where = { variantId: line.variantId, locationId: transfer.destinationLocationId };
      await changeStock(tx, { ...where, ...ref, deltaOnHand: line.quantity, reason: 'transfer_in' });
      if (got !== line.quantity) {
        discrepancies += 1;
        await changeStock(tx, {
          ...where,
          ...ref,
          deltaOnHand: got - line.quantity,
          reason: 'adjustment',
          detail: got < line.quantity ? 'transfer_short' : 'transfer_over',
        });
      }
      await tx
        .update(transferLines)
        .set({ quantityReceived: got })
        .where(and(eq(transferLines.transferId, transfer.id), eq(transferLines.variantId, line.variantId)));
    }
    await tx
      .update(transfers)
      .set({ status: 'received', receivedAt: sql`now()` })
      .where(eq(transfers.id, transfer.id));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'transfer.receive',
      entityType: 'transfer',
      entityId: transfer.id,
      data: { discrepancies },
    });
    await opts.afterReceived?.(tx, transfer, arrived);
    return { discrepancies };
  });
}

/** Cancels a draft, or an in-transit transfer whose stock then returns to the source. */
export async function cancelTransfer(db: Db, actor: Actor, transferId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const transfer = await lockTransfer(tx, transferId);
    if (!can(actor, 'inventory.transfer', transfer.sourceLocationId))
      throw new Forbidden('You cannot cancel this transfer.');
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
      for (const line of await linesOf(tx, transferId)) {
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
