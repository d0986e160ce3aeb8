'use client';

import { LazyErrorView } from '@/components/lazy-error-view';

// Errors above the back-office shell (its layout, the sign-in page): no navigation to keep.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl items-center px-4 py-12">
      <div className="w-full">
        <LazyErrorView error={error} retry={retry} />
      </div>
    </main>
  );
}
