import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getClientMessages } from '@/lib/next/i18n';

/** The customers area: the messages its client components (the profile's note forms, contact and loyalty dialogs) translate. */
export default async function CustomersLayout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider messages={await getClientMessages('customers')}>{children}</NextIntlClientProvider>;
}
