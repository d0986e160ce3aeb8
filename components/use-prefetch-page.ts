'use client';

import { useCallback } from 'react';
import { useRouter } from 'next/navigation';

type PrefetchKind = NonNullable<Parameters<ReturnType<typeof useRouter>['prefetch']>[1]>['kind'];
// Next.js types the kind with an enum it does not export; its value is this string.
const FULL = 'full' as PrefetchKind;

/**
 * Prefetches a whole page the user is about to open from script rather than from a link (a
 * search result highlighted by the arrows or the pointer), as components/ui/link.tsx does for a
 * link one reaches for: back-office pages are rendered per request, so only a full prefetch
 * brings their content before the Enter or the click.
 */
export function usePrefetchPage(): (href: string) => void {
  const router = useRouter();
  return useCallback((href: string) => router.prefetch(href, { kind: FULL }), [router]);
}
