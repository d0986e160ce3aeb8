'use client';

import type { ComponentProps } from 'react';
import { QueryProvider } from '@/components/query-provider';
import { CustomerSearch } from './customer-search';

/** The customer search with its TanStack Query client: what LazyCustomerSearch loads after the page. */
export function QueriedCustomerSearch(props: ComponentProps<typeof CustomerSearch>) {
  return (
    <QueryProvider>
      <CustomerSearch {...props} />
    </QueryProvider>
  );
}
