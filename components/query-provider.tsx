'use client';

import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

let browserClient: QueryClient | undefined;

function makeClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Pages arrive server-rendered; client queries refresh interactive parts, not everything on focus.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}

/**
 * TanStack Query for the interactive part it wraps (the phone order's SKU lookups, a live queue),
 * rather than for the whole app: the library is downloaded only by the pages that use it. One
 * client per browser tab, kept at module level so its cache outlives a navigation; a fresh one
 * per server render, so no request sees another's data.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const client = typeof window === 'undefined' ? makeClient() : (browserClient ??= makeClient());
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
