import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orderEvents, orders } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertFrom, assertOrderScope, lockOrder } from './lock-order';

/** placed → confirmed; confirming again is a no-op (`changed: false`). */
export async function confirmOrder(db: Db, actor: Actor, orderId: string): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    await assertOrderScope(tx, actor, 'orders.confirm', order, 'any');
    if (order.status === 'confirmed') return { changed: false };
    assertFrom(order, ['placed'], 'confirmed');
    await tx
      .update(orders)
      .set({ status: 'confirmed', updatedAt: sql`now()` })
      .where(eq(orders.id, orderId));
    await tx.insert(orderEvents).values({ orderId, type: 'confirmed', actorId: actor.userId });
    return { changed: true };
  });
}
