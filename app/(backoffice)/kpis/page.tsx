import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('kpis.title') };
}

export default async function KpisPage() {
  await requirePage('kpis.view');
  return <SectionPlaceholder section="kpis" />;
}
