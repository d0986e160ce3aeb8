import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getClientMessages } from '@/lib/next/i18n';

/** The orders area: the orders messages for its client components (filters, actions, the phone order form). */
export default async function OrdersLayout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider messages={await getClientMessages('orders')}>{children}</NextIntlClientProvider>;
}
