'use client';

import { QueryProvider } from '@/components/query-provider';
import { CustomerSearch } from './customer-search';

/** An agent's home: the customer search, focused as the page opens. */
export function AgentHomeSearch() {
  return (
    <QueryProvider>
      <CustomerSearch autoFocus className="rounded-lg border border-border bg-surface shadow-card" />
    </QueryProvider>
  );
}
