import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, orderEvents, orderLines, orders } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden } from '@/lib/errors';
import { changeStock } from '@/lib/inventory/ledger';
import { bumpKpi } from '@/lib/kpis/rollup';
import { reverseOrderPoints } from '@/lib/loyalty/ledger';
import { returnedRefundCents, returnRefundCents } from './amounts';
import { readHandedOver } from './handed-over';
import { assertFrom, lockOrder } from './lock-order';

export type ReturnOrderInput = {
  orderId: string;
  /** The store taking the return (any store, whatever the channel). */
  locationId: string;
  reason: string;
  lines: { lineId: string; quantity: number; restock: boolean }[];
};

/**
 * Returns (or refunds without restock) some or all units of a fulfilled order at any store:
 * restockable units go back on hand at that store with a 'return' ledger entry; the order is
 * 'returned' once every unit is back. The refund is the units' share of what was paid, discount
 * and any tax on top included (returnRefundCents, lib/orders/amounts.ts: the order's total without
 * every unit back so far, less without these too; shipping stays); the KPI rollup's returned value
 * and the customer's lifetime value take it, and the order's loyalty points drop by what it no
 * longer earns. One transaction, audited. Taking the return needs 'orders.return' at that store,
 * and putting units back on hand 'orders.restock' there too (an agent takes a return, never
 * restocks).
 */
export async function returnOrder(
  db: Db,
  actor: Actor,
  input: ReturnOrderInput,
): Promise<{ units: number; cents: number }> {
  if (!can(actor, 'orders.return', input.locationId)) throw new Forbidden('You cannot take returns at this location.');
  if (input.lines.some((l) => l.restock) && !can(actor, 'orders.restock', input.locationId)) {
    throw new Forbidden('You cannot put returned units back in stock at this location.');
  }
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    assertFrom(order, ['shipped', 'completed'], 'returned');
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(orderLines.lineNo);
    // A parcel handed over in part: only what the customer took can come back.
    const handed = await readHandedOver(tx, order, lines);
    const byId = new Map(lines.map((l) => [l.id, l]));
    // The units back before this return, at their line price: the refund is measured after them.
    const returnedBeforeCents = lines.reduce((sum, l) => sum + l.quantityReturned * l.unitPriceCents, 0);
    let units = 0;
    let valueCents = 0;
    for (const ret of input.lines) {
      const line = byId.get(ret.lineId);
      if (!line) throw new DomainError('unprocessable', 'This line is not part of the order.');
      if (ret.quantity < 1 || line.quantityReturned + ret.quantity > handed.taken(line.id)) {
        throw new DomainError(
          'unprocessable',
          `At most ${handed.taken(line.id) - line.quantityReturned} unit(s) of ${line.sku} can be returned.`,
        );
      }
      await tx
        .update(orderLines)
        .set({ quantityReturned: sql`${orderLines.quantityReturned} + ${ret.quantity}` })
        .where(eq(orderLines.id, line.id));
      line.quantityReturned += ret.quantity;
      if (ret.restock) {
        await changeStock(tx, {
          variantId: line.variantId,
          locationId: input.locationId,
          deltaOnHand: ret.quantity,
          reason: 'return',
          detail: input.reason,
          referenceType: 'order',
          referenceId: order.id,
          actorId: actor.userId,
        });
      }
      units += ret.quantity;
      valueCents += ret.quantity * line.unitPriceCents;
    }
    const cents = returnRefundCents(order, returnedBeforeCents, valueCents);
    const complete = lines.every((l) => l.quantityReturned === handed.taken(l.id));
    await tx
      .update(orders)
      .set({ status: complete ? 'returned' : order.status, updatedAt: sql`now()` })
      .where(eq(orders.id, order.id));
    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: complete ? 'returned' : 'partially_returned',
      actorId: actor.userId,
      data: { units, cents, reason: input.reason, locationId: input.locationId, lines: input.lines },
    });
    await bumpKpi(
      tx,
      { placedAt: order.placedAt, channelId: order.channelId, locationId: order.locationId },
      { returns: units, returnedCents: cents },
    );
    if (order.customerId) {
      await tx
        .update(customers)
        .set({ lifetimeValueCents: sql`${customers.lifetimeValueCents} - ${cents}` })
        .where(eq(customers.id, order.customerId));
    }
    // The points of what was refunded (all of them once every unit is back), against the lines just updated.
    await reverseOrderPoints(tx, order, {
      actorId: actor.userId,
      reason: input.reason,
      paid: {
        cents: handed.paidCents,
        refundedCents: returnedRefundCents(order, returnedBeforeCents + valueCents),
        allBack: complete,
      },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'order.return',
      entityType: 'order',
      entityId: order.id,
      data: { units, cents, reason: input.reason },
    });
    return { units, cents };
  });
}
