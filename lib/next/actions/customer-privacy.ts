'use server';

import { eraseCustomer } from '@/lib/customers/privacy';
import { ZEraseCustomerInput } from '@/lib/customers/privacy-schemas';
import { guardedAction } from '@/lib/next/guarded-action';

/** Erases a customer's personal data after the typed confirmation (owners only: 'customers.erase'). */
export const eraseCustomerAction = guardedAction({
  permission: 'customers.erase',
  schema: ZEraseCustomerInput,
  run: ({ actor, db }, input) => eraseCustomer(db, actor, input),
  revalidate: (input) => [`/customers/${input.customerId}`],
});
