import 'server-only';
import { cache } from 'react';
import type { Messages, MessageKeys, NestedKeyOf, useTranslations } from 'next-intl';
import { getLocale, getMessages, getTimeZone, getTranslations } from 'next-intl/server';
import { CLIENT_NAMESPACES, type ClientArea } from '@/lib/i18n/client-namespaces';
import type { Locale } from '@/lib/i18n/config';
import { formattersFor, type Formatters } from '@/lib/i18n/format';
import { pickNamespaces } from '@/lib/i18n/messages';

/** The translator of the whole catalogue (next-intl's, typed from the English messages: keys and ICU arguments). */
export type Translate = ReturnType<typeof useTranslations<never>>;

/** Any message's dotted path, e.g. 'inventory.list.title'. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** What getI18n() (server) and useI18n() (client) hand out; client code imports these types from here too (erased, so server-only stays out). */
export type I18n = Formatters & { locale: Locale; t: Translate };

/**
 * Translator and formatters for this request (server components, actions, route handlers):
 * the same `{ locale, t, formatMoney, formatDate, … }` as useI18n() in client components. Dates
 * without a zone of their own are shown in the install's zone (next-intl's timeZone, which the
 * client provider inherits).
 */
export const getI18n = cache(async (): Promise<I18n> => {
  const [locale, t, timeZone] = await Promise.all([getLocale(), getTranslations(), getTimeZone()]);
  return { locale, t, ...formattersFor(locale, timeZone) };
});

/**
 * The messages a NextIntlClientProvider hands to the browser for one part of the app: its
 * namespaces only (lib/i18n/client-namespaces.ts), not the whole catalogue on every page.
 */
export async function getClientMessages(area: ClientArea) {
  return pickNamespaces(await getMessages(), CLIENT_NAMESPACES[area]);
}
