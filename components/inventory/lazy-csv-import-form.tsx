'use client';

import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/skeleton';

/**
 * The receive page's CSV import, in a chunk of its own fetched once the page is up: the page's
 * first use is the delivery typed or scanned beside it, and a file takes longer to pick than the
 * chunk to arrive. Until then, a block of the form's height holds its place.
 */
export const LazyCsvImportForm = dynamic(() => import('./csv-import-form').then((m) => m.CsvImportForm), {
  ssr: false,
  loading: () => <Skeleton className="h-60 w-full xl:h-80" />,
});
