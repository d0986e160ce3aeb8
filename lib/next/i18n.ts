import 'server-only';
import { cache } from 'react';
import type { Messages, MessageKeys, NestedKeyOf, useTranslations } from 'next-intl';
import { getLocale, getMessages, getTimeZone, getTranslations } from 'next-intl/server';
import { CLIENT_NAMESPACES, type ClientArea } from '@/lib/i18n/client-namespaces';
import type { Locale } from '@/lib/i18n/config';
import { formattersFor, type Formatters } from '@/lib/i18n/format';
import { pickNamespaces } from '@/lib/i18n/messages';
import { compileTree, type CompiledTree } from '@/lib/i18n/precompile';

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

// Per catalogue (one a locale, fixed for the process), the compiled messages of each area.
const compiledAreas = new WeakMap<Messages, Map<ClientArea, CompiledTree>>();

/**
 * The messages a NextIntlClientProvider hands to the browser for one part of the app: its
 * namespaces only (lib/i18n/client-namespaces.ts), not the whole catalogue on every page, and
 * compiled (lib/i18n/precompile.ts), as the browser formats them without an ICU parser
 * (next.config.js). Typed as the catalogue they come from: next-intl only walks and formats them.
 */
export async function getClientMessages<A extends ClientArea>(
  area: A,
): Promise<Pick<Messages, (typeof CLIENT_NAMESPACES)[A][number]>> {
  const messages = await getMessages();
  let areas = compiledAreas.get(messages);
  if (!areas) compiledAreas.set(messages, (areas = new Map<ClientArea, CompiledTree>()));
  let compiled = areas.get(area);
  if (!compiled) areas.set(area, (compiled = compileTree(pickNamespaces(messages, CLIENT_NAMESPACES[area]))));
  return compiled as unknown as Pick<Messages, (typeof CLIENT_NAMESPACES)[A][number]>;
}
