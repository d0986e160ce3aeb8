'use client';

import { LazyErrorView } from '@/components/lazy-error-view';

export default function BackofficeError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LazyErrorView error={error} retry={retry} />;
}
