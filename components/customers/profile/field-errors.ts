import type { ActionFailure } from '@/components/action-result';
import type { Translate } from '@/lib/next/i18n';
import type { CustomerFieldError } from '@/lib/customers/schemas';

const KEYS = {
  note_required: 'customerProfile.errors.note_required',
  note_too_long: 'customerProfile.errors.note_too_long',
  name_too_long: 'customerProfile.errors.name_too_long',
  email_invalid: 'customerProfile.errors.email_invalid',
  phone_invalid: 'customerProfile.errors.phone_invalid',
  tag_invalid: 'customerProfile.errors.tag_invalid',
  too_many_tags: 'customerProfile.errors.too_many_tags',
  email_taken: 'customerProfile.errors.email_taken',
  phone_taken: 'customerProfile.errors.phone_taken',
} as const satisfies Record<CustomerFieldError, string>;

/** A field's error in the user's language: the schema's code, whether the browser or the server found it. */
export function fieldErrorText(t: Translate, error: { message?: string } | undefined): string | null {
  if (!error) return null;
  return t(KEYS[error.message as CustomerFieldError] ?? 'customerProfile.errors.invalid');
}

/** A refusal that names a field (another customer's e-mail or phone): its field and code, else null. */
export function conflictField(failure: ActionFailure): { field: string; code: string } | null {
  const d = failure.details;
  return failure.code === 'conflict' && typeof d?.field === 'string' && typeof d.fieldError === 'string'
    ? { field: d.field, code: d.fieldError }
    : null;
}
