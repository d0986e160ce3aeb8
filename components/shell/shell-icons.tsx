import type { ReactNode } from 'react';
import { Icon } from '@/components/ui/icons';
import { ChevronDown, PanelLeftClose, PanelLeftOpen, Search } from 'lucide';
import type { NavKey } from '@/lib/auth/permissions';
import { BrandMark } from './brand-mark';
import { NAV_ICONS } from './nav-icons';

/**
 * The icons of the shell's client components (and the brand's mark), drawn by the server (the back-office layout) and
 * handed to them as nodes: the shell is in the JavaScript of every page, the icons' code need not be.
 */
export type ShellIcons = {
  brand: ReactNode;
  collapseSidebar: ReactNode;
  expandSidebar: ReactNode;
  search: ReactNode;
  userMenu: ReactNode;
};

export const SHELL_ICONS: ShellIcons = {
  brand: <BrandMark />,
  collapseSidebar: <Icon node={PanelLeftClose} aria-hidden />,
  expandSidebar: <Icon node={PanelLeftOpen} aria-hidden />,
  search: <Icon node={Search} aria-hidden />,
  userMenu: <Icon node={ChevronDown} aria-hidden className="size-4 text-muted-foreground" />,
};

/** A section's icon in the sidebar; the link turns it to the primary colour when active. */
export function navIcon(key: NavKey): ReactNode {
  return <Icon node={NAV_ICONS[key]} aria-hidden className="size-4 shrink-0" />;
}
