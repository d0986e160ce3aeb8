'use client';

import { LazyCustomerSearch } from './lazy-customer-search';

/** An agent's home: the customer search, focused as the page opens. */
export function AgentHomeSearch() {
  return <LazyCustomerSearch autoFocus className="rounded-lg border border-border bg-surface shadow-card" />;
}
