'use client';

import type { ReactNode } from 'react';
import { LazyToaster } from '@/components/ui/lazy-toaster';

/**
 * Client-side context for the whole app: the toasts, loaded on the first one (messages come from
 * NextIntlClientProvider in app/layout.tsx). What only some pages use is not here, so that pages
 * without it do not download it: TanStack Query sits around the parts that query
 * (components/query-provider.tsx).
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <LazyToaster />
    </>
  );
}
