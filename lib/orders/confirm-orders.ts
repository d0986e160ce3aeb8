import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orders } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { DomainError, Forbidden, type ErrorCode } from '@/lib/errors';
import { confirmOrder } from './confirm-order';
import { ORDER_BULK_MAX } from './constants';

export type BulkOrderResult = {
  orderId: string;
  /** The order's number; null when the actor may not know it (not found, another store's). */
  number: string | null;
  outcome: 'done' | 'unchanged' | 'refused';
  /** Why it was refused: the domain error's code, and for a status that forbids it, that status. */
  code?: ErrorCode;
  status?: string;
};

/**
 * Confirms the chosen orders one by one, each in its own transaction (confirmOrder: lock, scope,
 * transition): one that cannot be confirmed (shipped, cancelled, another store's) is reported
 * and leaves the others confirmed. Results come back in the order asked.
 */
export async function confirmOrders(db: Db, actor: Actor, orderIds: readonly string[]): Promise<BulkOrderResult[]> {
  if (!can(actor, 'orders.confirm')) throw new Forbidden();
  const ids = [...new Set(orderIds)].slice(0, ORDER_BULK_MAX);
  const numbers = new Map(
    (await db.select({ id: orders.id, number: orders.number }).from(orders).where(inArray(orders.id, ids))).map((o) => [
      o.id,
      o.number,
    ]),
  );
  const results: BulkOrderResult[] = [];
  for (const orderId of ids) {
    try {
      const { changed } = await confirmOrder(db, actor, orderId);
      results.push({ orderId, number: numbers.get(orderId) ?? null, outcome: changed ? 'done' : 'unchanged' });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const hidden = error.code === 'forbidden' || error.code === 'not_found';
      results.push({
        orderId,
        number: hidden ? null : (numbers.get(orderId) ?? null),
        outcome: 'refused',
        code: error.code,
        status: typeof error.details?.from === 'string' ? error.details.from : undefined,
      });
    }
  }
  return results;
}
