/** The sidebar's width preference: `auto` follows the screen (full from 1024 px, icon rail below). */
export type SidebarMode = 'auto' | 'expanded' | 'collapsed';
export const SIDEBAR_COOKIE = 'sidebar';

export function parseSidebarMode(value: string | undefined): SidebarMode {
  return value === 'expanded' || value === 'collapsed' ? value : 'auto';
}
