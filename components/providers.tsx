'use client';

import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Toaster } from '@/components/ui/toaster';
import { I18nProvider } from '@/lib/next/i18n-client';
import type { Locale } from '@/lib/i18n/config';
import type { Messages } from '@/lib/i18n/core';

/** Client-side context for the whole app: the message catalogue, one TanStack Query client per browser tab, and the toasts. */
export function Providers({
  locale,
  messages,
  timeZone,
  children,
}: {
  locale: Locale;
  messages: Messages;
  timeZone: string;
  children: ReactNode;
}) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Pages arrive server-rendered; client queries refresh interactive parts, not everything on focus.
          queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
        },
      }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale} messages={messages} timeZone={timeZone}>
        {children}
        <Toaster />
      </I18nProvider>
    </QueryClientProvider>
  );
}
