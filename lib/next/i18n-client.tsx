'use client';

import { useMemo } from 'react';
import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { formattersFor } from '@/lib/i18n/format';
import { FALLBACK_TIME_ZONE } from '@/lib/system/time-zone';
import type { I18n } from '@/lib/next/i18n';

/**
 * The same `{ locale, t, formatMoney, formatDate, … }` as the server's getI18n(), for client
 * components under the root layout's NextIntlClientProvider. `t` only finds the namespaces that
 * provider (or a route group's) was given.
 */
export function useI18n(): I18n {
  const locale = useLocale();
  const t = useTranslations();
  // Always set: the request config gives the install's zone, and the provider inherits it.
  const timeZone = useTimeZone() ?? FALLBACK_TIME_ZONE;
  return useMemo(() => ({ locale, t, ...formattersFor(locale, timeZone) }), [locale, t, timeZone]);
}
