import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { customerNotes, orderNotes } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';

/** Where staff notes are kept, per what they are written on: the same columns but the subject's id. */
const NOTES = {
  customer: { table: customerNotes, subject: customerNotes.customerId },
  order: { table: orderNotes, subject: orderNotes.orderId },
} as const;

export type NoteSubject = keyof typeof NOTES;

/** A note as its use cases return it, with its subject's id (a customer's or an order's). */
export type SubjectNote = { id: string; subjectId: string; body: string; createdAt: Date; editedAt: Date | null };

/**
 * Inside the caller's transaction: locks a note, refuses it to anyone but its author, lets the
 * subject's own rule refuse it (`allowed`: an erased customer, an order out of the actor's scope),
 * then saves the new text, stamped only when it changed (the same text again is no edit). Returns
 * the note and the text before, for the caller's audit.
 */
export async function editOwnNote(
  tx: Tx,
  actor: Actor,
  subject: NoteSubject,
  input: { noteId: string; body: string },
  allowed: (subjectId: string) => Promise<void>,
): Promise<{ note: SubjectNote; before: string; changed: boolean }> {
  const { table, subject: subjectId } = NOTES[subject];
  const [note] = await tx
    .select({ id: table.id, subjectId, authorId: table.authorId, body: table.body })
    .from(table)
    .where(eq(table.id, input.noteId))
    .for('update');
  if (!note) throw new NotFound('Note');
  if (note.authorId !== actor.userId) throw new Forbidden('Only its author can edit a note.');
  await allowed(note.subjectId);
  const changed = note.body !== input.body;
  const [edited] = await tx
    .update(table)
    .set({ body: input.body, editedAt: changed ? sql`now()` : sql`${table.editedAt}` })
    .where(eq(table.id, note.id))
    .returning({ id: table.id, subjectId, body: table.body, createdAt: table.createdAt, editedAt: table.editedAt });
  return { note: edited, before: note.body, changed };
}
