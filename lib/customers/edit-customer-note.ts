import type { Db } from '@/db/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { Forbidden } from '@/lib/errors';
import { editOwnNote } from '@/lib/notes/edit-own-note';
import type { CustomerNote } from './add-customer-note';
import { assertNotErased } from './privacy';
import { ZEditCustomerNoteInput, type EditCustomerNoteInput } from './schemas';

/** Changes a note's text, by its author only, and stamps when (the profile then says 'edited'). */
export async function editCustomerNote(db: Db, actor: Actor, raw: EditCustomerNoteInput): Promise<CustomerNote> {
  if (!can(actor, 'customers.edit')) throw new Forbidden('Only owners and agents write notes on customers.');
  const input = ZEditCustomerNoteInput.parse(raw);
  return db.transaction(async (tx) => {
    const { note } = await editOwnNote(tx, actor, 'customer', input, (customerId) =>
      assertNotErased(tx, customerId, 'its notes cannot be written again'),
    );
    const { subjectId: customerId, ...rest } = note;
    return { ...rest, customerId };
  });
}
