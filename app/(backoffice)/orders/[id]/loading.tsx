import { Skeleton } from '@/components/ui/skeleton';
import { getI18n } from '@/lib/next/i18n';

export default async function OrderLoading() {
  const { t } = await getI18n();
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        {t('common.loading')}
      </span>
      <Skeleton className="mb-4 h-4 w-20" />
      <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <div>
          <Skeleton className="h-6 w-52" />
          <Skeleton className="mt-2.5 h-4 w-80 max-w-full" />
        </div>
        <div className="flex gap-2">
          <Skeleton className="h-9 w-24" />
          <Skeleton className="h-9 w-32" />
        </div>
      </div>
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid gap-4 sm:grid-cols-2 xl:order-2 xl:grid-cols-1">
          <Skeleton className="h-36 rounded-lg" />
          <Skeleton className="h-44 rounded-lg" />
        </div>
        <div className="space-y-8 xl:order-1">
          <div className="overflow-hidden rounded-lg border border-border bg-surface">
            <Skeleton className="h-9 rounded-none" />
            {Array.from({ length: 3 }, (_, i) => (
              <div key={i} className="flex items-center gap-4 border-t border-border px-3 py-3">
                <Skeleton className="h-4 w-24" />
                <Skeleton className="h-4 flex-1" />
                <Skeleton className="h-4 w-10" />
                <Skeleton className="h-4 w-16" />
              </div>
            ))}
          </div>
          <Skeleton className="h-40 rounded-lg" />
        </div>
      </div>
    </div>
  );
}
