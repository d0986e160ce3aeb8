import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/config';
import { formattersFor } from '@/lib/i18n/format';
import { CATALOGUES } from '@/lib/i18n/messages';

/** The catalogue's `messages.email` texts in one language, for a template rendered outside a request (the dispatcher's job). */
export function emailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'messages.email' });
}
export type EmailTranslate = ReturnType<typeof emailTranslator>;

const INTL_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

/** A moment as the customer reads it at the store: "Saturday 12 December 2026 at 19:00" / "samedi 12 décembre 2026 à 19:00", in the store's zone. */
export function formatStoreMoment(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
}

/** An amount in integer minor units as the customer reads it ("€12.50" / "12,50 €"): the app's one money format (lib/i18n/format.ts), the currency's own decimals. */
export function formatMoney(minorUnits: number, currency: string, locale: Locale): string {
  return formattersFor(locale, 'UTC').formatMoney(minorUnits, currency);
}
