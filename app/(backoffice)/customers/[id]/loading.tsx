import { Skeleton } from '@/components/ui/skeleton';
import { getI18n } from '@/lib/next/i18n';

export default async function CustomerLoading() {
  const { t } = await getI18n();
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        {t('common.loading')}
      </span>
      <Skeleton className="mb-4 h-4 w-20" />
      <Skeleton className="h-6 w-56" />
      <Skeleton className="mb-6 mt-2.5 h-4 w-96 max-w-full" />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-[4.5rem] rounded-lg" />
        ))}
      </div>
      <div className="mb-8 grid gap-4 md:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-36 rounded-lg" />
        ))}
      </div>
      <Skeleton className="mb-3 h-5 w-40" />
      <div className="overflow-hidden rounded-lg border border-border bg-surface">
        <Skeleton className="h-9 rounded-none" />
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-t border-border px-3 py-3">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-4 flex-1" />
            <Skeleton className="h-4 w-16" />
          </div>
        ))}
      </div>
    </div>
  );
}
