'use client';

import type { ReactNode } from 'react';
import { LazyCustomerSearch } from './lazy-customer-search';

/** /customers: the search, its text kept in the URL (?q=) so a reload or a shared link finds it again. */
export function CustomerSearchPage({ initialQuery, searchIcon }: { initialQuery: string; searchIcon: ReactNode }) {
  return (
    <LazyCustomerSearch
      initialQuery={initialQuery}
      searchIcon={searchIcon}
      autoFocus
      className="rounded-lg border border-border bg-surface shadow-card"
      listClassName="max-h-none"
      onQueryChange={(q) => {
        const url = new URL(window.location.href);
        if (q.trim()) url.searchParams.set('q', q);
        else url.searchParams.delete('q');
        window.history.replaceState(window.history.state, '', url);
      }}
    />
  );
}
