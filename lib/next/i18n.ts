import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, resolveLocale, type Locale } from '@/lib/i18n/config';
import { createI18n, type I18n, type Messages } from '@/lib/i18n/core';
import { CATALOGUES } from '@/lib/i18n/messages';
import { installTimeZone } from '@/lib/system/time-zone';

/** The request's locale: the `locale` cookie, else the browser's Accept-Language, else English. */
export const getLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get('accept-language'));
});

/**
 * Translator and Intl formatters for this request (server components, actions, route handlers);
 * dates without a zone of their own are shown in the install's zone, which the client gets too.
 */
export const getI18n = cache(async (): Promise<I18n & { messages: Messages; timeZone: string }> => {
  const locale = await getLocale();
  const messages = CATALOGUES[locale];
  const timeZone = installTimeZone();
  return { ...createI18n(locale, messages, timeZone), messages, timeZone };
});
