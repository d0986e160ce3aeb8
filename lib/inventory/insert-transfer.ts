import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { transferLines, transfers } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';

type NewTransfer = Pick<
  typeof transfers.$inferInsert,
  'sourceLocationId' | 'destinationLocationId' | 'status' | 'neededBy' | 'note' | 'orderId' | 'createdById'
>;

export type TransferUnits = { variantId: string; quantity: number };

/** Units of each SKU summed (lines naming a SKU twice become one), in SKU order, none of 0. */
export function sumByVariant(units: readonly TransferUnits[]): Map<string, number> {
  const summed = new Map<string, number>();
  for (const u of units) if (u.quantity > 0) summed.set(u.variantId, (summed.get(u.variantId) ?? 0) + u.quantity);
  return new Map([...summed].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * How every transfer begins (a draft, a store's request, a click-and-collect order's): the transfer,
 * numbered TR-…, its lines (sumByVariant), and its audit row (with the units), in the caller's transaction. A
 * request's lines also keep what was asked (quantity_requested), which an acceptance may lower.
 */
export async function insertTransfer(
  tx: DbOrTx,
  transfer: NewTransfer,
  units: readonly TransferUnits[],
  audit: { action: 'transfer.create' | 'transfer.request'; data?: Record<string, unknown> },
): Promise<{ id: string; number: string; units: number }> {
  const lines = sumByVariant(units);
  const total = [...lines.values()].reduce((a, b) => a + b, 0);
  const requested = transfer.status === 'requested';
  const [created] = await tx
    .insert(transfers)
    .values({ ...transfer, number: sql`'TR-' || nextval('transfer_number_seq')` })
    .returning({ id: transfers.id, number: transfers.number });
  await tx.insert(transferLines).values(
    [...lines].map(([variantId, quantity]) => ({
      transferId: created.id,
      variantId,
      quantity,
      ...(requested ? { quantityRequested: quantity } : {}),
    })),
  );
  await writeAudit(tx, {
    actorId: transfer.createdById ?? null,
    action: audit.action,
    entityType: 'transfer',
    entityId: created.id,
    data: { ...audit.data, units: total },
  });
  return { ...created, units: total };
}
