import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { products, variants } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError } from '@/lib/errors';
import { queuePickupMessage } from './messages';
import { isPickComplete, lockPickupForPicking } from './pick-lines';
import { refundUnitsNotSupplied } from './refund-units-not-supplied';

export type PartialOrderResult = {
  /** Units taken off the order. */
  removedUnits: number;
  /** What the customer paid for and will not get: flagged on the timeline for a refund. */
  refundCents: number;
  currency: string;
  /** Every remaining line is in the basket: the order can be made ready. */
  complete: boolean;
};

/**
 * The customer gets the order without the missing units: they are taken off the order and refunded
 * (refundUnitsNotSupplied: lines, amounts, KPIs, lifetime value, the timeline's 'partial_accepted'
 * and 'refund_due'), and the customer is told. One transaction; refused when nothing is short, or
 * when nothing would be left (reroute, ship or cancel instead).
 */
export async function acceptPartialOrder(
  db: Db,
  actor: Actor,
  input: { pickupId: string },
  at = new Date(),
): Promise<PartialOrderResult> {
  return db.transaction(async (tx) => {
    const { pickup, order, lines } = await lockPickupForPicking(tx, actor, input.pickupId, at);
    const short = lines.filter((l) => l.short > 0);
    if (short.length === 0)
      throw new DomainError('unprocessable', 'Nothing is missing from this order.', { reason: 'nothing_short' });
    if (lines.every((l) => l.short >= l.quantity))
      throw new DomainError(
        'unprocessable',
        'Nothing would be left of this order: send it from another store, ship it or cancel it.',
        { reason: 'nothing_left' },
      );
    const { removed, removedUnits, gone, amounts } = await refundUnitsNotSupplied(tx, {
      order,
      pickupId: pickup.id,
      lines: short.map((l) => ({ ...l, missing: l.short })),
      cause: 'short_pick',
      actorId: actor.userId,
      at,
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'pickup.accept_partial',
      entityType: 'pickup',
      entityId: pickup.id,
      data: { orderId: order.id, lines: removed, refundCents: amounts.refundCents },
    });
    // The customer reads what is missing by its name ("Pull marin — Navy / M"), not its SKU.
    const named = await tx
      .select({ sku: variants.sku, product: products.name, title: variants.title })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(
        inArray(
          variants.id,
          short.map((l) => l.variantId),
        ),
      );
    const nameOf = new Map(named.map((v) => [v.sku, v.title ? `${v.product} — ${v.title}` : v.product]));
    await queuePickupMessage(tx, 'pickup.partial', order, pickup, {
      lines: removed.map(({ sku, quantity }) => ({ sku, quantity, name: nameOf.get(sku) ?? null })),
      refundCents: amounts.refundCents,
      currency: order.currency,
    });
    const remaining = lines
      .filter((l) => !gone.includes(l.orderLineId))
      .map((l) => ({ quantity: l.quantity - l.short, picked: l.picked, short: 0 }));
    return {
      removedUnits,
      refundCents: amounts.refundCents,
      currency: order.currency,
      complete: isPickComplete(remaining),
    };
  });
}
