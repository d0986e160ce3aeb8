import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orderNotes, orders } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { Forbidden, NotFound } from '@/lib/errors';
import type { OrderNote } from './add-order-note';
import { assertOrderScope } from './lock-order';
import { ZEditOrderNoteInput, type EditOrderNoteInput } from './schemas';

/**
 * Changes a note's text, by its author only (and only while the order is still theirs to see),
 * stamping when; the audit keeps the text before and after. The same text again changes nothing.
 */
export async function editOrderNote(db: Db, actor: Actor, raw: EditOrderNoteInput): Promise<OrderNote> {
  if (!can(actor, 'orders.annotate')) throw new Forbidden('You cannot write notes on orders.');
  const input = ZEditOrderNoteInput.parse(raw);
  return db.transaction(async (tx) => {
    const [note] = await tx
      .select({ id: orderNotes.id, orderId: orderNotes.orderId, authorId: orderNotes.authorId, body: orderNotes.body })
      .from(orderNotes)
      .where(eq(orderNotes.id, input.noteId))
      .for('update');
    if (!note) throw new NotFound('Note');
    if (note.authorId !== actor.userId) throw new Forbidden('Only its author can edit a note.');
    const [order] = await tx.select().from(orders).where(eq(orders.id, note.orderId));
    await assertOrderScope(tx, actor, 'orders.annotate', order, 'any');
    const changed = note.body !== input.body;
    const [edited] = await tx
      .update(orderNotes)
      .set({ body: input.body, editedAt: changed ? sql`now()` : sql`${orderNotes.editedAt}` })
      .where(eq(orderNotes.id, note.id))
      .returning({
        id: orderNotes.id,
        orderId: orderNotes.orderId,
        body: orderNotes.body,
        createdAt: orderNotes.createdAt,
        editedAt: orderNotes.editedAt,
      });
    if (changed) {
      await writeAudit(tx, {
        actorId: actor.userId,
        action: 'order.note_edit',
        entityType: 'order',
        entityId: note.orderId,
        data: { noteId: note.id, before: note.body, after: input.body },
      });
    }
    return edited;
  });
}
