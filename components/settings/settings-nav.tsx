import Link from 'next/link';
import { getI18n } from '@/lib/next/i18n';
import { cn } from '@/lib/utils';

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
    <nav aria-label={t('settingsNav.label')} className="-mt-2 mb-6 border-b border-border print:hidden">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab}>
            <Link
              href={HREF[tab]}
              aria-current={tab === active ? 'page' : undefined}
              className={cn(
                'inline-flex h-10 items-center whitespace-nowrap border-b-2 border-transparent px-3 text-sm text-muted-foreground transition-colors hover:text-foreground',
                tab === active && 'border-primary font-medium text-foreground',
              )}
            >
              {t(`settingsNav.${tab}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
