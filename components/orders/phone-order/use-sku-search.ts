'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebounced } from '@/components/use-debounced';
import type { SkuSearchResponse, SkuSuggestion } from '@/lib/inventory/queries/sku-search';

/** How long typing must pause before a search goes out. */
const SKU_SEARCH_DEBOUNCE_MS = 200;
/** Below this, a term names too much to be worth a request. */
export const SKU_SEARCH_MIN_LENGTH = 2;

async function fetchSkus(q: string, signal: AbortSignal): Promise<SkuSuggestion[]> {
  const response = await fetch(`/inventory/sku-search?${new URLSearchParams({ q, limit: '8' })}`, {
    headers: { accept: 'application/json' },
    signal,
  });
  if (!response.ok) throw new Error(`SKU search ${response.status}`);
  return ((await response.json()) as SkuSearchResponse).results;
}

/**
 * SKUs for what is typed (GET /inventory/sku-search), once typing pauses; a request whose text is
 * no longer the field's is aborted (TanStack Query aborts the signal of a query nobody observes),
 * and the previous suggestions stay until the new ones arrive. `settled`: the suggestions are the
 * current text's.
 */
export function useSkuSearch(input: string, enabled: boolean) {
  const q = input.trim().replace(/\s+/g, ' ');
  const debounced = useDebounced(q, SKU_SEARCH_DEBOUNCE_MS);
  const active = enabled && debounced.length >= SKU_SEARCH_MIN_LENGTH;
  const query = useQuery({
    queryKey: ['sku-search', debounced],
    queryFn: ({ signal }) => fetchSkus(debounced, signal),
    enabled: active,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    retry: 1,
  });
  const searching = q.length >= SKU_SEARCH_MIN_LENGTH;
  return {
    q,
    results: searching && active && query.data ? query.data : [],
    isError: query.isError,
    settled: searching && q === debounced && !query.isFetching && !query.isPlaceholderData,
  };
}
