import type { Db } from '@/db/client';
import { orderNotes } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { Forbidden } from '@/lib/errors';
import { assertOrderScope, lockOrder } from './lock-order';
import { ZAddOrderNoteInput, type AddOrderNoteInput } from './schemas';

export type OrderNote = { id: string; orderId: string; body: string; createdAt: Date; editedAt: Date | null };

/**
 * Adds an internal note to an order, signed by the actor, for whoever handles it (a manager: an
 * order of one of their locations). The note and its audit row commit together.
 */
export async function addOrderNote(db: Db, actor: Actor, raw: AddOrderNoteInput): Promise<OrderNote> {
  if (!can(actor, 'orders.annotate')) throw new Forbidden('You cannot write notes on orders.');
  const input = ZAddOrderNoteInput.parse(raw);
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    await assertOrderScope(tx, actor, 'orders.annotate', order, 'any');
    const [note] = await tx
      .insert(orderNotes)
      .values({ orderId: order.id, authorId: actor.userId, body: input.body })
      .returning({
        id: orderNotes.id,
        orderId: orderNotes.orderId,
        body: orderNotes.body,
        createdAt: orderNotes.createdAt,
        editedAt: orderNotes.editedAt,
      });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'order.note_add',
      entityType: 'order',
      entityId: order.id,
      data: { noteId: note.id, body: note.body },
    });
    return note;
  });
}
