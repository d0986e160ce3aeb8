import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderEvents, type orderLines } from '@/db/schema';
import { reducedAmounts, type OrderAmounts } from './amounts';

type Line = Pick<typeof orderLines.$inferSelect, 'id' | 'sku' | 'quantity' | 'unitPriceCents'>;

/** What a parcel's 'collected' event says was handed over, line by line in line order (only when it was in part). */
type CollectedData = { lines?: { sku: string; quantity: number; of: number }[] };

type TakenLine = Pick<Line, 'id' | 'sku' | 'quantity'>;

/**
 * Each line's units the customer took away: every unit, unless the parcel was handed over in part,
 * when the order's latest 'collected' event (`collected`, its data) says each line's handed quantity
 * (collectPickup writes it). `lines` are the order's lines in line order. Also what the order page's
 * return form offers: units never handed over cannot come back (returnOrder refuses them).
 * collectPickup now also takes what is left behind off the order (refundUnitsNotSupplied), so its
 * lines hold only what was taken and this gives each line's quantity; the event still matters for
 * parcels handed over in part before then, whose lines kept every unit ordered.
 */
export function unitsTaken(
  fulfilmentType: string,
  lines: readonly TakenLine[],
  collected: unknown,
): Map<string, number> {
  const all = new Map(lines.map((l) => [l.id, l.quantity]));
  if (fulfilmentType !== 'pickup') return all;
  const handed = (collected as CollectedData | null | undefined)?.lines;
  // The event's lines are the order's at the hand-over, in the same order. Lines cut to what was
  // taken match it (or, one left whole gone, no longer do): either way each line's quantity is right.
  if (!handed || handed.length !== lines.length || handed.some((h, i) => h.sku !== lines[i].sku)) return all;
  return new Map(lines.map((l, i) => [l.id, Math.min(l.quantity, handed[i].quantity)]));
}

/**
 * What the customer took away and paid for: each line's units taken (unitsTaken), and the order
 * priced without the units left behind (reducedAmounts, as the points were earned; the order's
 * total itself once collectPickup has refunded them). `lines` are the order's lines in line order.
 */
export async function readHandedOver(
  tx: DbOrTx,
  order: OrderAmounts & { id: string; fulfilmentType: string },
  lines: readonly Line[],
): Promise<{ taken: (lineId: string) => number; paidCents: number }> {
  let collected: unknown = null;
  if (order.fulfilmentType === 'pickup') {
    const [event] = await tx
      .select({ data: orderEvents.data })
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, 'collected')))
      .orderBy(desc(orderEvents.createdAt))
      .limit(1);
    collected = event?.data ?? null;
  }
  const taken = unitsTaken(order.fulfilmentType, lines, collected);
  const leftCents = lines.reduce((sum, l) => sum + (l.quantity - taken.get(l.id)!) * l.unitPriceCents, 0);
  return {
    taken: (id) => taken.get(id) ?? 0,
    paidCents: leftCents === 0 ? order.totalCents : reducedAmounts(order, leftCents).totalCents,
  };
}
