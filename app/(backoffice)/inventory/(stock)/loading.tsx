import { ListSkeleton } from '@/components/inventory/list-skeleton';
import { getI18n } from '@/lib/next/i18n';

export default async function InventoryLoading() {
  const { t } = await getI18n();
  return <ListSkeleton label={t('common.loading')} />;
}
