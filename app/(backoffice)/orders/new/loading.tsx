import { Skeleton } from '@/components/ui/skeleton';
import { getI18n } from '@/lib/next/i18n';

export default async function NewPhoneOrderLoading() {
  const { t } = await getI18n();
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        {t('common.loading')}
      </span>
      <Skeleton className="mb-4 h-4 w-20" />
      <Skeleton className="h-6 w-56" />
      <Skeleton className="mb-6 mt-2.5 h-4 w-96 max-w-full" />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid gap-6">
          <Skeleton className="h-48 rounded-lg" />
          <Skeleton className="h-40 rounded-lg" />
          <Skeleton className="h-36 rounded-lg" />
        </div>
        <Skeleton className="h-56 rounded-lg" />
      </div>
    </div>
  );
}
