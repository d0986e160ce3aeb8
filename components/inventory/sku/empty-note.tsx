import type { ReactNode } from 'react';

/** What a section of the SKU page says when it has nothing to list. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-sm text-muted-foreground">
      {children}
    </p>
  );
}
