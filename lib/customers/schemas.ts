import { z } from 'zod';
import { normalizePhone } from './normalize';

/** The most a search answers at once (the route's `limit` and searchCustomers' cap). */
export const CUSTOMER_SEARCH_MAX_LIMIT = 50;

/** GET /api/backoffice/customers/search?q=…&limit=…: what an agent typed, and how many results. */
export const ZCustomerSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(CUSTOMER_SEARCH_MAX_LIMIT).default(10),
});
export type CustomerSearchQuery = z.infer<typeof ZCustomerSearchQuery>;

/** Field error codes of the profile's forms: the forms say each in the user's language. */
export type CustomerFieldError =
  | 'note_required'
  | 'note_too_long'
  | 'name_too_long'
  | 'email_invalid'
  | 'phone_invalid'
  | 'tag_invalid'
  | 'too_many_tags'
  | 'email_taken'
  | 'phone_taken';

export const NOTE_MAX_LENGTH = 4000;

const ZNoteBody = z
  .string()
  .trim()
  .min(1, 'note_required' satisfies CustomerFieldError)
  .max(NOTE_MAX_LENGTH, 'note_too_long' satisfies CustomerFieldError);

/** A staff note on a customer's profile. */
export const ZAddCustomerNoteInput = z.object({ customerId: z.uuid(), body: ZNoteBody });
export type AddCustomerNoteInput = z.input<typeof ZAddCustomerNoteInput>;

/** Its author's new text for a note. */
export const ZEditCustomerNoteInput = z.object({ noteId: z.uuid(), body: ZNoteBody });
export type EditCustomerNoteInput = z.input<typeof ZEditCustomerNoteInput>;

/** '' or spaces mean none. */
const ZOptionalText = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || null);

const ZName = z
  .string()
  .trim()
  .max(100, 'name_too_long' satisfies CustomerFieldError);

const ZTag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u, 'tag_invalid' satisfies CustomerFieldError);

/**
 * An agent's edit of a customer's contact details: names, e-mail (lower-cased), phone in any
 * format (stored in E.164: lib/customers/normalize.ts), marketing consents and tags (a list, or
 * one text with commas, as the form's field gives them; lower case, sorted, each once).
 */
export const ZUpdateCustomerContactInput = z.object({
  customerId: z.uuid(),
  firstName: ZName,
  lastName: ZName,
  email: ZOptionalText.transform((v) => v?.toLowerCase() ?? null).pipe(
    z.email('email_invalid' satisfies CustomerFieldError).nullable(),
  ),
  phone: ZOptionalText.refine((v) => v === null || normalizePhone(v) !== null, {
    message: 'phone_invalid' satisfies CustomerFieldError,
  }).transform((v) => (v === null ? null : normalizePhone(v))),
  marketingEmail: z.boolean(),
  marketingSms: z.boolean(),
  tags: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(',').filter((t) => t.trim() !== '') : v),
      z.array(ZTag).max(20, 'too_many_tags' satisfies CustomerFieldError),
    )
    .transform((tags) => [...new Set(tags)].sort()),
});
export type UpdateCustomerContactInput = z.input<typeof ZUpdateCustomerContactInput>;

/** The fields of a profile a merge chooses between, the survivor's value or the merged customer's. */
export const MERGE_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'locale'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export const ZMergeChoice = z.enum(['survivor', 'merged']);

/** mergeCustomers' input (the merge page's form and its action): which values survive, per field. */
export const ZMergeCustomersInput = z
  .object({
    survivorId: z.uuid(),
    mergedId: z.uuid(),
    /** Fields left out keep the survivor's value. */
    fields: z.partialRecord(z.enum(MERGE_FIELDS), ZMergeChoice).default({}),
  })
  .refine((i) => i.survivorId !== i.mergedId, { message: 'same_customer', path: ['mergedId'] });
export type MergeCustomersInput = z.input<typeof ZMergeCustomersInput>;

export const ZUndoMergeInput = z.object({ mergeId: z.uuid() });
export type UndoMergeInput = z.infer<typeof ZUndoMergeInput>;

export const ZDismissDuplicateInput = z.object({ duplicateId: z.uuid() });
export type DismissDuplicateInput = z.infer<typeof ZDismissDuplicateInput>;
