import type { z } from 'zod';
import { lazySchemaResolver, type LazyResolver } from '@/components/form-errors';
import type { ActionResult } from '@/lib/http/result';
import type { AddCustomerNoteInput } from '@/lib/customers/schemas';
import type { AddOrderNoteInput } from '@/lib/orders/schemas';
import { addCustomerNoteAction, editCustomerNoteAction } from '@/lib/next/actions/customers';
import { addOrderNoteAction, editOrderNoteAction } from '@/lib/next/actions/orders';

/** What a note is written on; each has its own actions, schemas and rule of who may write. */
export type NoteSubject = 'customer' | 'order';

/** A note form's values: the text, and the id the action's schema names (the subject's, or the note's). */
export type NoteValues = { body: string } & Record<string, string>;

/** One of a subject's note actions with its own schema, which loads with the form (lazySchemaResolver). */
type Endpoint = {
  resolver: LazyResolver<NoteValues, NoteValues>;
  send: (input: NoteValues) => Promise<ActionResult<unknown>>;
};

function endpoint<I>(
  load: () => Promise<z.ZodType<I>>,
  action: (input: I) => Promise<ActionResult<unknown>>,
): Endpoint {
  return {
    resolver: lazySchemaResolver(load) as unknown as LazyResolver<NoteValues, NoteValues>,
    send: (input) => action(input as unknown as I),
  };
}

/**
 * Per subject, the add and edit actions over their schemas, and the add form's values for one
 * subject (its id under the schema's name). Imported by the forms only, so it loads with them.
 */
export const NOTE_SUBJECTS: Record<
  NoteSubject,
  { values: (subjectId: string, body: string) => NoteValues; add: Endpoint; edit: Endpoint }
> = {
  customer: {
    values: (customerId, body) => ({ customerId, body }) satisfies AddCustomerNoteInput,
    add: endpoint(() => import('@/lib/customers/schemas').then((m) => m.ZAddCustomerNoteInput), addCustomerNoteAction),
    edit: endpoint(
      () => import('@/lib/customers/schemas').then((m) => m.ZEditCustomerNoteInput),
      editCustomerNoteAction,
    ),
  },
  order: {
    values: (orderId, body) => ({ orderId, body }) satisfies AddOrderNoteInput,
    add: endpoint(() => import('@/lib/orders/schemas').then((m) => m.ZAddOrderNoteInput), addOrderNoteAction),
    edit: endpoint(() => import('@/lib/orders/schemas').then((m) => m.ZEditOrderNoteInput), editOrderNoteAction),
  },
};
