import { ListSkeleton } from '@/components/inventory/list-skeleton';
import { getI18n } from '@/lib/i18n/server';

export default async function InventoryLoading() {
  const { t } = await getI18n();
  return <ListSkeleton label={t('common.loading')} />;
}
