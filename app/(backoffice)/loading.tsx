import { Skeleton } from '@/components/ui/skeleton';
import { getI18n } from '@/lib/i18n/server';

export default async function BackofficeLoading() {
  const { t } = await getI18n();
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        {t('common.loading')}
      </span>
      <div className="mb-6">
        <Skeleton className="h-6 w-56" />
        <Skeleton className="mt-2.5 h-4 w-96 max-w-full" />
      </div>
      <div className="mb-6 grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <div className="overflow-hidden rounded-lg border border-border bg-surface">
        <Skeleton className="h-9 rounded-none" />
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} className="flex gap-4 border-t border-border px-3 py-3">
            <Skeleton className="h-4 flex-[2]" />
            <Skeleton className="h-4 flex-1" />
            <Skeleton className="h-4 w-16" />
          </div>
        ))}
      </div>
    </div>
  );
}
