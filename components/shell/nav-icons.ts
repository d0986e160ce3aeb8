import type { IconNode } from '@/components/ui/icons';
import { Boxes, ChartColumn, LayoutDashboard, PackageCheck, Receipt, Settings, Users } from 'lucide';
import type { NavKey } from '@/lib/auth/permissions';

/** One icon per section, shared by the sidebar, the dashboard shortcuts and the placeholders. */
export const NAV_ICONS: Record<NavKey, IconNode> = {
  dashboard: LayoutDashboard,
  inventory: Boxes,
  orders: Receipt,
  pickups: PackageCheck,
  customers: Users,
  kpis: ChartColumn,
  settings: Settings,
};
