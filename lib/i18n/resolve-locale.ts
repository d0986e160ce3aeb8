import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from './config';

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
