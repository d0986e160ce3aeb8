import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';
import { requirePage } from '@/lib/auth/session';
import { getI18n } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('customers.title') };
}

export default async function CustomersPage() {
  await requirePage('customers.view');
  return <SectionPlaceholder section="customers" />;
}
