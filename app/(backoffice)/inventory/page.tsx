import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';
import { requirePage } from '@/lib/auth/session';
import { getI18n } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('inventory.title') };
}

export default async function InventoryPage() {
  await requirePage('inventory.view');
  return <SectionPlaceholder section="inventory" />;
}
