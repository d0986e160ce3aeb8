'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/config';
import { createI18n, type I18n, type Messages } from '@/lib/i18n/core';

const I18nContext = createContext<I18n | null>(null);

/** Receives the catalogue from the root layout (a server component) so client components translate without a fetch. */
export function I18nProvider({
  locale,
  messages,
  timeZone,
  children,
}: {
  locale: Locale;
  messages: Messages;
  /** The install's time zone (lib/system/time-zone.ts), for dates without a location's zone. */
  timeZone: string;
  children: ReactNode;
}) {
  const value = useMemo(() => createI18n(locale, messages, timeZone), [locale, messages, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The same API as the server's getI18n(): `{ locale, t, formatMoney, formatNumber, formatDate, … }`. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() must be used inside <I18nProvider>.');
  return value;
}
