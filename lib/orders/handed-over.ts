import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderEvents, type orderLines } from '@/db/schema';
import { reducedAmounts } from './amounts';

type Line = Pick<typeof orderLines.$inferSelect, 'id' | 'sku' | 'quantity' | 'unitPriceCents'>;
type Order = { subtotalCents: number; discountCents: number; shippingCents: number; totalCents: number };

/** What a parcel's 'collected' event says was handed over, line by line in line order (only when it was in part). */
type CollectedData = { lines?: { sku: string; quantity: number; of: number }[] };

/**
 * What the customer took away and paid for: every unit, unless the parcel was handed over in part
 * (collectPickup writes each line's handed quantity on the order's 'collected' event), then the
 * units taken and the order priced without those left behind (reducedAmounts, as the points were
 * earned). `lines` are the order's lines in line order.
 */
export async function readHandedOver(
  tx: DbOrTx,
  order: Order & { id: string; fulfilmentType: string },
  lines: readonly Line[],
): Promise<{ taken: (lineId: string) => number; paidCents: number }> {
  const all = { taken: (id: string) => lines.find((l) => l.id === id)?.quantity ?? 0, paidCents: order.totalCents };
  if (order.fulfilmentType !== 'pickup') return all;
  const [event] = await tx
    .select({ data: orderEvents.data })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, 'collected')))
    .orderBy(desc(orderEvents.createdAt))
    .limit(1);
  const handed = (event?.data as CollectedData | undefined)?.lines;
  // Lines do not change after the hand-over: the event's lines are the order's, in the same order.
  if (!handed || handed.length !== lines.length || handed.some((h, i) => h.sku !== lines[i].sku)) return all;
  const taken = new Map(lines.map((l, i) => [l.id, Math.min(l.quantity, handed[i].quantity)]));
  const leftCents = lines.reduce((sum, l) => sum + (l.quantity - taken.get(l.id)!) * l.unitPriceCents, 0);
  return { taken: (id) => taken.get(id) ?? 0, paidCents: reducedAmounts(order, leftCents).totalCents };
}
