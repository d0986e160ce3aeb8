import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orders } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { Forbidden } from '@/lib/errors';
import { editOwnNote } from '@/lib/notes/edit-own-note';
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
    const { note, before, changed } = await editOwnNote(tx, actor, 'order', input, async (orderId) => {
      const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
      await assertOrderScope(tx, actor, 'orders.annotate', order, 'any');
    });
    if (changed) {
      await writeAudit(tx, {
        actorId: actor.userId,
        action: 'order.note_edit',
        entityType: 'order',
        entityId: note.subjectId,
        data: { noteId: note.id, before, after: note.body },
      });
    }
    const { subjectId: orderId, ...rest } = note;
    return { ...rest, orderId };
  });
}
