import type { ReactNode } from 'react';
import { valueForPage } from '@/lib/next/page-guard';
import { readCustomer } from './read-customer';

/**
 * The profile's guard runs here, above this segment's loading skeleton, so a missing profile is
 * a real 404 and a refused one a redirect before anything streams (a check inside the page runs
 * after the skeleton has started a 200 response).
 */
export default async function CustomerLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  valueForPage(await readCustomer((await params).id));
  return children;
}
