'use client';

import type { ReactNode } from 'react';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { Toaster } from '@/components/ui/toaster';

/**
 * Client-side context for the whole app: URL state (nuqs) and the toasts (messages come from NextIntlClientProvider in
 * app/layout.tsx). TanStack Query is not here but around the parts that query
 * (components/query-provider.tsx), so that pages without one do not download it.
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <NuqsAdapter>
      {children}
      <Toaster />
    </NuqsAdapter>
  );
}
