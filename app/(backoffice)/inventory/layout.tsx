import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { InventoryNav, type InventoryTab } from '@/components/inventory/inventory-nav';
import { can } from '@/lib/auth/permissions';
import { getClientMessages } from '@/lib/next/i18n';
import { getSessionContext } from '@/lib/next/session';

/**
 * The inventory area: its sub-navigation above every page (Counts only for those who may read them,
 * Receive for those who may receive), and the inventory messages for its client components.
 */
export default async function InventoryLayout({ children }: { children: ReactNode }) {
  const [ctx, messages] = await Promise.all([getSessionContext(), getClientMessages('inventory')]);
  const tabs: InventoryTab[] = ['stock', 'transfers'];
  if (can(ctx, 'inventory.counts.view')) tabs.push('counts');
  tabs.push('replenishment');
  if (can(ctx, 'inventory.adjust')) tabs.push('receive');
  return (
    <NextIntlClientProvider messages={messages}>
      <InventoryNav tabs={tabs} />
      {children}
    </NextIntlClientProvider>
  );
}
