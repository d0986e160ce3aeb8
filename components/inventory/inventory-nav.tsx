'use client';

import { usePathname } from 'next/navigation';
import { TabNav } from '@/components/ui/tab-nav';
import { useI18n } from '@/lib/next/i18n-client';

export type InventoryTab = 'stock' | 'transfers' | 'counts' | 'replenishment' | 'receive';

const HREF: Record<InventoryTab, string> = {
  stock: '/inventory',
  transfers: '/inventory/transfers',
  counts: '/inventory/counts',
  replenishment: '/inventory/replenishment',
  receive: '/inventory/receive',
};

function activeTab(pathname: string): InventoryTab {
  for (const tab of ['transfers', 'counts', 'replenishment', 'receive'] as const) {
    if (pathname === HREF[tab] || pathname.startsWith(`${HREF[tab]}/`)) return tab;
  }
  return 'stock';
}

/** Sub-navigation of the inventory area: tab-like links, the current one marked for assistive technology. */
export function InventoryNav({ tabs }: { tabs: readonly InventoryTab[] }) {
  const { t } = useI18n();
  const active = activeTab(usePathname());
  return (
    <TabNav
      label={t('inventory.nav.label')}
      tabs={tabs.map((tab) => ({ href: HREF[tab], label: t(`inventory.nav.${tab}`), current: tab === active }))}
    />
  );
}
