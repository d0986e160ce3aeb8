import type { ReactNode } from 'react';
import { valueForPage } from '@/lib/next/page-guard';
import { readOrder } from './read-order';

/**
 * The order's guard runs here, above this segment's loading skeleton, so a missing order is a
 * real 404 and one of another store a redirect to the forbidden page before anything streams
 * (a check inside the page runs after the skeleton has started a 200 response).
 */
export default async function OrderLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  valueForPage(await readOrder((await params).id));
  return children;
}
