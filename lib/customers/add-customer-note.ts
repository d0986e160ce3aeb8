import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customerNotes, customers } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { DomainError, Forbidden, NotFound } from '@/lib/errors';
import { assertNotErased } from './privacy';
import { ZAddCustomerNoteInput, type AddCustomerNoteInput } from './schemas';

export type CustomerNote = { id: string; customerId: string; body: string; createdAt: Date; editedAt: Date | null };

/** Adds a staff note to a customer's profile, signed by the actor; a merged profile takes none (its survivor does). */
export async function addCustomerNote(db: Db, actor: Actor, raw: AddCustomerNoteInput): Promise<CustomerNote> {
  if (!can(actor, 'customers.edit')) throw new Forbidden('Only owners and agents write notes on customers.');
  const input = ZAddCustomerNoteInput.parse(raw);
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id, mergedIntoId: customers.mergedIntoId })
      .from(customers)
      .where(eq(customers.id, input.customerId))
      .for('share');
    if (!customer) throw new NotFound('Customer');
    if (customer.mergedIntoId)
      throw new DomainError('conflict', 'This profile was merged: write on the one it was merged into.');
    await assertNotErased(tx, customer.id, 'no note can be added');
    const [note] = await tx
      .insert(customerNotes)
      .values({ customerId: customer.id, authorId: actor.userId, body: input.body })
      .returning({
        id: customerNotes.id,
        customerId: customerNotes.customerId,
        body: customerNotes.body,
        createdAt: customerNotes.createdAt,
        editedAt: customerNotes.editedAt,
      });
    return note;
  });
}
