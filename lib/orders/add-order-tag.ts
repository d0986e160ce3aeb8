import type { Db } from '@/db/client';
import { orderTags } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { Forbidden } from '@/lib/errors';
import { assertOrderScope, lockOrder } from './lock-order';
import { ZOrderTagInput, type OrderTagInput } from './schemas';

/** Tags an order (normalised: "Gift wrap " is "gift wrap"); a tag it already has changes nothing. Audited when added. */
export async function addOrderTag(db: Db, actor: Actor, raw: OrderTagInput): Promise<{ tag: string; added: boolean }> {
  if (!can(actor, 'orders.annotate')) throw new Forbidden('You cannot tag orders.');
  const input = ZOrderTagInput.parse(raw);
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    await assertOrderScope(tx, actor, 'orders.annotate', order, 'any');
    const inserted = await tx
      .insert(orderTags)
      .values({ orderId: order.id, tag: input.tag, actorId: actor.userId })
      .onConflictDoNothing()
      .returning({ tag: orderTags.tag });
    if (inserted.length) {
      await writeAudit(tx, {
        actorId: actor.userId,
        action: 'order.tag_add',
        entityType: 'order',
        entityId: order.id,
        data: { tag: input.tag },
      });
    }
    return { tag: input.tag, added: inserted.length > 0 };
  });
}
