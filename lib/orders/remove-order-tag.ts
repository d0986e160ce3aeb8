import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orderTags } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { Forbidden } from '@/lib/errors';
import { assertOrderScope, lockOrder } from './lock-order';
import { ZOrderTagInput, type OrderTagInput } from './schemas';

/** Takes a tag off an order; one it does not have changes nothing. Audited when removed. */
export async function removeOrderTag(
  db: Db,
  actor: Actor,
  raw: OrderTagInput,
): Promise<{ tag: string; removed: boolean }> {
  if (!can(actor, 'orders.annotate')) throw new Forbidden('You cannot tag orders.');
  const input = ZOrderTagInput.parse(raw);
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    await assertOrderScope(tx, actor, 'orders.annotate', order, 'any');
    const removed = await tx
      .delete(orderTags)
      .where(and(eq(orderTags.orderId, order.id), eq(orderTags.tag, input.tag)))
      .returning({ tag: orderTags.tag });
    if (removed.length) {
      await writeAudit(tx, {
        actorId: actor.userId,
        action: 'order.tag_remove',
        entityType: 'order',
        entityId: order.id,
        data: { tag: input.tag },
      });
    }
    return { tag: input.tag, removed: removed.length > 0 };
  });
}
