import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getClientMessages } from '@/lib/next/i18n';

/** The settings area: the messages its client components (the store settings form) translate. */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider messages={await getClientMessages('settings')}>{children}</NextIntlClientProvider>;
}
