'use server';

import { addCustomerNote } from '@/lib/customers/add-customer-note';
import { editCustomerNote } from '@/lib/customers/edit-customer-note';
import { dismissDuplicate } from '@/lib/customers/duplicates';
import { mergeCustomers, undoMerge } from '@/lib/customers/merge';
import {
  ZAddCustomerNoteInput,
  ZDismissDuplicateInput,
  ZEditCustomerNoteInput,
  ZMergeCustomersInput,
  ZUndoMergeInput,
  ZUpdateCustomerContactInput,
} from '@/lib/customers/schemas';
import { updateCustomerContact } from '@/lib/customers/update-customer-contact';
import { guardedAction } from '@/lib/next/guarded-action';

// The customer profile (owners and agents: customers.edit is not location-scoped).

export const addCustomerNoteAction = guardedAction({
  permission: 'customers.edit',
  schema: ZAddCustomerNoteInput,
  run: ({ actor, db }, input) => addCustomerNote(db, actor, input),
  revalidate: (input) => [`/customers/${input.customerId}`],
});

export const editCustomerNoteAction = guardedAction({
  permission: 'customers.edit',
  schema: ZEditCustomerNoteInput,
  run: ({ actor, db }, input) => editCustomerNote(db, actor, input),
  revalidate: (_input, note) => [`/customers/${note.customerId}`],
});

export const updateCustomerContactAction = guardedAction({
  permission: 'customers.edit',
  schema: ZUpdateCustomerContactInput,
  run: ({ actor, db }, input) => updateCustomerContact(db, actor, input),
  revalidate: (input) => [`/customers/${input.customerId}`, '/customers'],
});

// Duplicates (owners and agents: customers.merge).

export const dismissDuplicateAction = guardedAction({
  permission: 'customers.merge',
  schema: ZDismissDuplicateInput,
  run: ({ actor, db }, input) => dismissDuplicate(db, actor, input),
  revalidate: ['/customers/duplicates'],
});

export const mergeCustomersAction = guardedAction({
  permission: 'customers.merge',
  schema: ZMergeCustomersInput,
  run: ({ actor, db }, input) => mergeCustomers(db, actor, input),
  revalidate: (input) => ['/customers/duplicates', `/customers/${input.survivorId}`, `/customers/${input.mergedId}`],
});

export const undoMergeAction = guardedAction({
  permission: 'customers.merge',
  schema: ZUndoMergeInput,
  run: ({ actor, db }, input) => undoMerge(db, actor, input),
  revalidate: (_input, r) => ['/customers/duplicates', `/customers/${r.survivorId}`, `/customers/${r.mergedId}`],
});
