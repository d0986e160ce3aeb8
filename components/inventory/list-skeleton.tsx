import { Skeleton } from '@/components/ui/skeleton';

/** The shape of an inventory page while it loads: header, a toolbar, a table. */
export function ListSkeleton({ label, filters = true, rows = 8 }: { label: string; filters?: boolean; rows?: number }) {
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        {label}
      </span>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <div>
          <Skeleton className="h-6 w-48" />
          <Skeleton className="mt-2.5 h-4 w-96 max-w-full" />
        </div>
        <Skeleton className="h-9 w-36" />
      </div>
      {filters ? <Skeleton className="mb-4 h-32 w-full rounded-lg" /> : null}
      <div className="overflow-hidden rounded-lg border border-border bg-surface">
        <Skeleton className="h-9 rounded-none" />
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-t border-border px-3 py-3">
            <Skeleton className="size-8 shrink-0" />
            <Skeleton className="h-4 flex-[2]" />
            <Skeleton className="h-4 flex-1" />
            <Skeleton className="h-4 w-12" />
            <Skeleton className="h-4 w-12" />
            <Skeleton className="h-4 w-12" />
          </div>
        ))}
      </div>
    </div>
  );
}
