import type { ReactNode } from 'react';
import { InventoryNav, type InventoryTab } from '@/components/inventory/inventory-nav';
import { can } from '@/lib/auth/permissions';
import { getSessionContext } from '@/lib/next/session';

/** The inventory area: its sub-navigation above every page (Counts only for those who may read them, Receive for those who may receive). */
export default async function InventoryLayout({ children }: { children: ReactNode }) {
  const ctx = await getSessionContext();
  const tabs: InventoryTab[] = ['stock', 'transfers'];
  if (can(ctx, 'inventory.counts.view')) tabs.push('counts');
  tabs.push('replenishment');
  if (can(ctx, 'inventory.adjust')) tabs.push('receive');
  return (
    <>
      <InventoryNav tabs={tabs} />
      {children}
    </>
  );
}
