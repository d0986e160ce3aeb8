import type { ReactNode } from 'react';
import { ChevronDown, PanelLeftClose, PanelLeftOpen, Search } from '@/components/ui/icons';
import type { NavKey } from '@/lib/auth/permissions';
import { NAV_ICONS } from './nav-icons';

/**
 * The icons of the shell's client components, drawn by the server (the back-office layout) and
 * handed to them as nodes: the shell is in the JavaScript of every page, the icons' code need not be.
 */
export type ShellIcons = {
  collapseSidebar: ReactNode;
  expandSidebar: ReactNode;
  search: ReactNode;
  userMenu: ReactNode;
};

export const SHELL_ICONS: ShellIcons = {
  collapseSidebar: <PanelLeftClose aria-hidden />,
  expandSidebar: <PanelLeftOpen aria-hidden />,
  search: <Search aria-hidden />,
  userMenu: <ChevronDown aria-hidden className="size-4 text-muted-foreground" />,
};

/** A section's icon in the sidebar; the link turns it to the primary colour when active. */
export function navIcon(key: NavKey): ReactNode {
  const Icon = NAV_ICONS[key];
  return <Icon aria-hidden className="size-4 shrink-0" />;
}
