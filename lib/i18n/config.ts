import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { z } from 'zod';

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

export const ZLocale = z.enum(LOCALES);

/** The BCP 47 tag handed to Intl: English is shown with European conventions (day/month, 24 h). */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The request's locale: the cookie (a choice made on this browser), else the supported language
 * the browser ranks highest in Accept-Language (negotiated by `negotiator` and `@formatjs/intl-localematcher`,
 * the pair next-intl's own middleware uses: fr-CA counts as fr), else English.
 */
export function resolveLocale(sources: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(sources.cookie)) return sources.cookie;
  return fromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}

function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const requested = new Negotiator({ headers: { 'accept-language': header } }).languages().filter((l) => l !== '*');
  if (requested.length === 0) return null;
  try {
    const matched = match(requested, LOCALES, DEFAULT_LOCALE);
    return isLocale(matched) ? matched : null;
  } catch {
    // A malformed tag (the header is the client's) makes the matcher throw: treat it as no preference.
    return null;
  }
}
