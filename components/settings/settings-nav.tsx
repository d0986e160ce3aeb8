import { TabNav } from '@/components/ui/tab-nav';
import { getI18n } from '@/lib/next/i18n';

export type SettingsTab = 'overview' | 'stores' | 'messages';

const HREF: Record<SettingsTab, string> = {
  overview: '/settings',
  stores: '/settings/stores',
  messages: '/settings/messages',
};

/** Sub-navigation of the settings area (server-rendered: each page says which tab it is). */
export async function SettingsNav({ active }: { active: SettingsTab }) {
  const { t } = await getI18n();
  const tabs = Object.keys(HREF) as SettingsTab[];
  return (
    <TabNav
      label={t('settingsNav.label')}
      tabs={tabs.map((tab) => ({ href: HREF[tab], label: t(`settingsNav.${tab}`), current: tab === active }))}
    />
  );
}
