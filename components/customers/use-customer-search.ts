'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebounced } from '@/components/use-debounced';
import type { CustomerSearchHit } from '@/lib/customers/search';

/** How long typing must pause before a search goes out. */
export const SEARCH_DEBOUNCE_MS = 150;

async function fetchCustomers(q: string, limit: number, signal: AbortSignal): Promise<CustomerSearchHit[]> {
  const response = await fetch(`/api/backoffice/customers/search?${new URLSearchParams({ q, limit: String(limit) })}`, {
    headers: { accept: 'application/json' },
    signal,
  });
  if (!response.ok) throw new Error(`customer search ${response.status}`);
  return ((await response.json()) as { results: CustomerSearchHit[] }).results;
}

/**
 * Search as you type: the query goes out once typing pauses, through GET
 * /api/backoffice/customers/search; a request whose text is no longer the input's is aborted
 * (TanStack Query aborts the signal of a query nobody observes any more), and the previous
 * results stay on screen until the new ones arrive. `settled` is false while the input is ahead of
 * the results shown.
 */
export function useCustomerSearch(input: string, limit = 8) {
  const q = input.trim().replace(/\s+/g, ' ');
  const debounced = useDebounced(q, SEARCH_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['customer-search', debounced, limit],
    queryFn: ({ signal }) => fetchCustomers(debounced, limit, signal),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    retry: 1,
  });
  const results = q && query.data ? query.data : [];
  return {
    q,
    results,
    isError: query.isError,
    settled: q === debounced && !query.isFetching && !query.isPlaceholderData,
  };
}
