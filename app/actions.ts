'use server';

import { cookies } from 'next/headers';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, ZLocale, type Locale } from '@/lib/i18n/config';
import { getI18n } from '@/lib/i18n/server';

export type SetLocaleResult = { ok: true; data: { locale: Locale } } | { ok: false; code: 'validation_failed'; message: string };

/**
 * Public (the sign-in page has a language switch too): remembers the language in a cookie.
 * Setting a cookie in an action re-renders the current page in the new language.
 */
export async function setLocaleAction(locale: unknown): Promise<SetLocaleResult> {
  const parsed = ZLocale.safeParse(locale);
  if (!parsed.success) {
    const { t } = await getI18n();
    return { ok: false, code: 'validation_failed', message: t('errors.validation') };
  }
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: 'lax',
    httpOnly: true,
  });
  return { ok: true, data: { locale: parsed.data } };
}
