import { z } from 'zod';

/** What an erased customer's messages say instead of the address they went to (notification_outbox.recipient). */
export const ERASED_RECIPIENT = 'erased';

/** The words that confirm an erasure, in either language, typed exactly. */
export const ERASE_WORDS = ['ERASE', 'EFFACER'] as const;

/**
 * eraseCustomerAction's input: the customer, and what the owner typed to confirm (the customer's
 * e-mail, or ERASE / EFFACER). Whether it matches is the use case's to say (it reads the e-mail).
 */
export const ZEraseCustomerInput = z.object({
  customerId: z.uuid({ error: 'invalid_customer' }),
  confirmation: z.string().trim().min(1, { error: 'required' }).max(320, { error: 'too_long' }),
});
export type EraseCustomerInput = z.input<typeof ZEraseCustomerInput>;
