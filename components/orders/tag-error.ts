import type { Translate } from '@/lib/next/i18n';

/** A tag's field error in the user's language, from the schema's code (browser or server). */
export function tagError(t: Translate, error: { message?: string } | undefined): string | null {
  if (!error) return null;
  if (error.message === 'too_long') return t('orders.tags.tooLong');
  return t('orders.tags.required');
}
