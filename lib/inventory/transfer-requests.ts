import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { transferLines, transfers } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden } from '@/lib/errors';
import type { AcceptTransferRequestInput, DeclineTransferRequestInput, RequestTransferInput } from './schemas';
import { insertTransfer } from './insert-transfer';
import { assertTransition, linesOf, lockTransfer } from './transfers';

/*
 * A store asks for stock: a transfer that starts as requested, addressed to its source (the
 * warehouse or another store). The source accepts it (possibly fewer units, saying why), then ships
 * it as any transfer (lib/inventory/transfers.ts: stock leaves the source only then), or declines
 * it. Each step is one guarded update of the locked row, from the one status it may follow, with
 * its audit row.
 */

/** Files a request for stock to arrive at the actor's store by `neededBy`; no stock moves. */
export async function requestTransfer(
  db: Db,
  actor: Actor,
  input: RequestTransferInput,
): Promise<{ id: string; number: string }> {
  if (!can(actor, 'inventory.transfer', input.destinationLocationId))
    throw new Forbidden('You can only request stock for a location you manage.');
  return db.transaction(async (tx) => {
    const { id, number } = await insertTransfer(
      tx,
      {
        sourceLocationId: input.sourceLocationId,
        destinationLocationId: input.destinationLocationId,
        status: 'requested',
        neededBy: input.neededBy,
        note: input.note || null,
        createdById: actor.userId,
      },
      input.lines,
      { action: 'transfer.request', data: { neededBy: input.neededBy } },
    );
    return { id, number };
  });
}

/**
 * The source accepts a request: each line's units to send (up to what was asked; 0 sends none of a
 * SKU, but not of all), the day they should arrive, and the reason required when fewer are sent.
 * A retried acceptance changes nothing.
 */
export async function acceptTransferRequest(
  db: Db,
  actor: Actor,
  input: AcceptTransferRequestInput,
): Promise<{ units: number; reduced: boolean }> {
  return db.transaction(async (tx) => {
    const transfer = await lockTransfer(tx, input.transferId);
    if (!can(actor, 'inventory.transfer', transfer.sourceLocationId))
      throw new Forbidden('Only the owner or a manager of the location asked can answer this request.');
    const lines = await linesOf(tx, transfer.id);
    if (transfer.status === 'accepted')
      return { units: lines.reduce((a, l) => a + l.quantity, 0), reduced: lines.some(isReduced) };
    assertTransition(transfer.status, 'accepted');
    const given = new Map(input.lines.map((l) => [l.variantId, l.quantity]));
    let units = 0;
    let reduced = false;
    for (const line of lines) {
      const asked = line.quantityRequested ?? line.quantity;
      const send = given.get(line.variantId) ?? asked;
      if (send > asked)
        throw new DomainError('validation_failed', 'A request cannot be accepted for more than was asked.');
      units += send;
      reduced ||= send < asked;
      if (send !== line.quantity)
        await tx
          .update(transferLines)
          .set({ quantity: send })
          .where(and(eq(transferLines.transferId, transfer.id), eq(transferLines.variantId, line.variantId)));
    }
    if (units === 0) throw new DomainError('validation_failed', 'Nothing would be sent: decline the request instead.');
    const reason = input.reason?.trim() || null;
    if (reduced && !reason) throw new DomainError('validation_failed', 'Say why fewer units are sent than asked.');
    await tx
      .update(transfers)
      .set({
        status: 'accepted',
        expectedOn: input.expectedOn,
        decidedById: actor.userId,
        decidedAt: sql`now()`,
        decisionReason: reduced ? reason : null,
      })
      .where(eq(transfers.id, transfer.id));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'transfer.accept',
      entityType: 'transfer',
      entityId: transfer.id,
      data: { units, expectedOn: input.expectedOn, ...(reduced ? { reason } : {}) },
    });
    return { units, reduced };
  });
}

function isReduced(line: { quantity: number; quantityRequested: number | null }) {
  return line.quantityRequested !== null && line.quantity < line.quantityRequested;
}

/** The source declines a request, saying why; nothing moves. A retried decline changes nothing. */
export async function declineTransferRequest(db: Db, actor: Actor, input: DeclineTransferRequestInput): Promise<void> {
  await db.transaction(async (tx) => {
    const transfer = await lockTransfer(tx, input.transferId);
    if (!can(actor, 'inventory.transfer', transfer.sourceLocationId))
      throw new Forbidden('Only the owner or a manager of the location asked can answer this request.');
    if (transfer.status === 'declined') return;
    assertTransition(transfer.status, 'declined');
    await tx
      .update(transfers)
      .set({ status: 'declined', decidedById: actor.userId, decidedAt: sql`now()`, decisionReason: input.reason })
      .where(eq(transfers.id, transfer.id));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'transfer.decline',
      entityType: 'transfer',
      entityId: transfer.id,
      data: { reason: input.reason },
    });
  });
}
