import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customerNotes } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import type { CustomerNote } from './add-customer-note';
import { assertNotErased } from './privacy';
import { ZEditCustomerNoteInput, type EditCustomerNoteInput } from './schemas';

/** Changes a note's text, by its author only, and stamps when (the profile then says 'edited'). */
export async function editCustomerNote(db: Db, actor: Actor, raw: EditCustomerNoteInput): Promise<CustomerNote> {
  if (!can(actor, 'customers.edit')) throw new Forbidden('Only owners and agents write notes on customers.');
  const input = ZEditCustomerNoteInput.parse(raw);
  return db.transaction(async (tx) => {
    const [note] = await tx
      .select({
        id: customerNotes.id,
        customerId: customerNotes.customerId,
        authorId: customerNotes.authorId,
        body: customerNotes.body,
      })
      .from(customerNotes)
      .where(eq(customerNotes.id, input.noteId))
      .for('update');
    if (!note) throw new NotFound('Note');
    if (note.authorId !== actor.userId) throw new Forbidden('Only its author can edit a note.');
    await assertNotErased(tx, note.customerId, 'its notes cannot be written again');
    const [edited] = await tx
      .update(customerNotes)
      // The same text again changes nothing: no 'edited' for a save without a change.
      .set({ body: input.body, editedAt: note.body === input.body ? sql`${customerNotes.editedAt}` : sql`now()` })
      .where(eq(customerNotes.id, note.id))
      .returning({
        id: customerNotes.id,
        customerId: customerNotes.customerId,
        body: customerNotes.body,
        createdAt: customerNotes.createdAt,
        editedAt: customerNotes.editedAt,
      });
    return edited;
  });
}
