import type { Translate } from '@/lib/next/i18n';

/** A note's or a tag's field error in the user's language, from the schema's code (browser or server). */
export function orderFieldError(
  t: Translate,
  what: 'notes' | 'tags',
  error: { message?: string } | undefined,
): string | null {
  if (!error) return null;
  if (error.message === 'too_long') return t(`orders.${what}.tooLong`);
  return t(`orders.${what}.required`);
}
