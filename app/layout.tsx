import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { Providers } from '@/components/providers';
import { getClientMessages, getI18n } from '@/lib/next/i18n';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return {
    title: { template: `%s · ${t('app.name')}`, default: t('app.name') },
    description: t('app.tagline'),
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = { themeColor: '#f5f6f8' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale }, messages] = await Promise.all([getI18n(), getClientMessages('shell')]);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={messages}>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
