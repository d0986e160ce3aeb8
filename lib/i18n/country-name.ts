import type { Locale } from './config';

const names = new Map<Locale, Intl.DisplayNames>();

/**
 * A country as the reader says it ("FR" → "France"; "DE" → "Allemagne" in French); the code itself
 * when Intl has no name for it. A module of its own, apart from countries.ts: the formatters (in
 * every page's JavaScript) need only Intl's names, not the list of 249 codes.
 */
export function countryName(code: string, locale: Locale): string {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return code;
  let displayNames = names.get(locale);
  if (!displayNames) {
    displayNames = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    names.set(locale, displayNames);
  }
  return displayNames.of(upper) ?? code;
}
