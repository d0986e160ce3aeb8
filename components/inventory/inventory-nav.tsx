'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useI18n } from '@/lib/next/i18n-client';
import { cn } from '@/lib/utils';

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
    <nav aria-label={t('inventory.nav.label')} className="-mt-2 mb-6 border-b border-border print:hidden">
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
              {t(`inventory.nav.${tab}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
