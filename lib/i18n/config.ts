/**
 * The languages and what the browser shares with the server about them: plain constants, because
 * every client component reaches this file through useI18n (format.ts). Negotiating a request's
 * language is resolve-locale.ts's (server), checking a chosen one schemas.ts's (zod).
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie that remembers a chosen language; it wins over the browser's Accept-Language. */
export const LOCALE_COOKIE = 'locale';
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
/** How the language cookie is written, by the language switch and at sign-in. */
export const LOCALE_COOKIE_OPTIONS = {
  path: '/',
  maxAge: LOCALE_COOKIE_MAX_AGE,
  sameSite: 'lax',
  httpOnly: true,
} as const;

/** The BCP 47 tag handed to Intl: English is shown with European conventions (day/month, 24 h). */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
