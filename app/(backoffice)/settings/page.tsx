import type { Metadata } from 'next';
import { SettingsNav } from '@/components/settings/settings-nav';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('settings.title') };
}

export default async function SettingsPage() {
  await requirePage('settings.manage');
  return <SectionPlaceholder section="settings" nav={<SettingsNav active="overview" />} />;
}
