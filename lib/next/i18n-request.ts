import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, type Locale } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/resolve-locale';
import { CATALOGUES } from '@/lib/i18n/messages';
import type { en } from '@/lib/i18n/messages/en';
import { installTimeZone } from '@/lib/system/time-zone';

/**
 * next-intl's request configuration (named in next.config.js), without i18n routing: URLs carry
 * no locale; it comes from the cookie, then the browser's Accept-Language (lib/i18n/resolve-locale.ts).
 * The server gets the whole catalogue; client providers get what app/layout.tsx gives them.
 */
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  });
  // Dates without a location's zone are shown in the install's, on the server and in the client provider alike.
  return { locale, messages: CATALOGUES[locale], timeZone: installTimeZone() };
});

// Types every `t()` from the English catalogue: keys, and each message's ICU arguments.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
