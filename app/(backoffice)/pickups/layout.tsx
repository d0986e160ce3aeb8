import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getClientMessages } from '@/lib/next/i18n';

/** The click-and-collect area: the queue's and the pick list's messages for its client components. */
export default async function PickupsLayout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider messages={await getClientMessages('pickups')}>{children}</NextIntlClientProvider>;
}
