'use client';

import { useEffect, type ReactNode } from 'react';
import { loadErrorView } from '@/components/lazy-error-view';
import { LazyToaster } from '@/components/ui/lazy-toaster';

/** Runs `task` once the browser is idle after the page has hydrated (a timeout where there is no requestIdleCallback: Safari). */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 5_000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 1_000);
  return () => window.clearTimeout(id);
}

/**
 * Client-side context for the whole app: the toasts, loaded on the first one (messages come from
 * NextIntlClientProvider in app/layout.tsx), and the error view, fetched when the first page is
 * idle. What only some pages use is not here, so that pages without it do not download it:
 * TanStack Query sits around the parts that query (components/query-provider.tsx).
 */
export function Providers({ children }: { children: ReactNode }) {
  useEffect(() => whenIdle(() => void loadErrorView().catch(() => undefined)), []);
  return (
    <>
      {children}
      <LazyToaster />
    </>
  );
}
