'use client';

import { useState, useSyncExternalStore, type ReactNode } from 'react';
import dynamic from 'next/dynamic';
import { Link } from '@/components/ui/link';
import { clsx } from 'clsx';
import { usePathname } from 'next/navigation';
import { Button } from '@/components/ui/button';
import type { NavKey } from '@/lib/auth/permissions';
import { useI18n } from '@/lib/next/i18n-client';
import { CustomerPaletteTrigger } from './customer-palette-trigger';
import type { ShellIcons } from './shell-icons';
import { SIDEBAR_COOKIE, type SidebarMode } from './sidebar-mode';
import { UserMenu, type ShellUser } from './user-menu';

// The bar of a slow navigation arrives right after the page, in a chunk of its own: it shows only
// when a page takes more than SHOW_AFTER_MS to come, which no click in the first moments needs.
const NavigationProgress = dynamic(() => import('./navigation-progress').then((m) => m.NavigationProgress), {
  ssr: false,
});

// Below 1280 px (a 1024 px tablet, a small laptop) the sidebar starts as an icon rail, leaving the
// page's tables 900 px rather than 740; the toggle still widens it. Same width as globals.css's variant.
const WIDE_QUERY = '(min-width: 80rem)';

function subscribeWide(onChange: () => void) {
  const query = window.matchMedia(WIDE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The back-office frame: sidebar navigation, top bar with the user menu, main content.
 * The sidebar is full width from 1280 px and an icon rail below; the toggle overrides that and
 * is remembered in a cookie so the server renders the chosen width without a flash.
 */
export function AppShell({
  nav,
  icons,
  user,
  initialSidebar,
  children,
}: {
  /** The sections this user may open, each with its icon drawn by the server. */
  nav: readonly { key: NavKey; href: string; icon: ReactNode }[];
  icons: ShellIcons;
  user: ShellUser;
  initialSidebar: SidebarMode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const pathname = usePathname();
  const [mode, setMode] = useState<SidebarMode>(initialSidebar);
  const wide = useSyncExternalStore(
    subscribeWide,
    () => window.matchMedia(WIDE_QUERY).matches,
    () => true,
  );
  const expanded = mode === 'auto' ? wide : mode === 'expanded';

  function toggleSidebar() {
    const next: SidebarMode = expanded ? 'collapsed' : 'expanded';
    setMode(next);
    document.cookie = `${SIDEBAR_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }

  return (
    <div data-sidebar={mode} className="flex min-h-dvh">
      <NavigationProgress />

      <nav
        id="sidebar"
        aria-label={t('nav.label')}
        data-print="hide"
        className="sticky top-0 flex h-dvh print:hidden w-56 shrink-0 flex-col border-r border-border bg-sidebar transition-[width] duration-150 sidebar-collapsed:w-14"
      >
        <div className="flex h-14 shrink-0 items-center gap-2.5 border-b border-border px-4 sidebar-collapsed:justify-center sidebar-collapsed:px-0">
          {icons.brand}
          <span className="truncate text-[0.9375rem] font-semibold tracking-tight sidebar-collapsed:sr-only">
            {t('app.name')}
          </span>
        </div>
        <ul className="flex flex-col gap-0.5 overflow-y-auto px-2 py-2">
          {nav.map((item) => {
            const active = isActive(pathname, item.href);
            const label = t(`nav.${item.key}`);
            return (
              <li key={item.key}>
                <Link
                  href={item.href}
                  aria-current={active ? 'page' : undefined}
                  title={expanded ? undefined : label}
                  className={clsx(
                    'flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm transition-colors hover:text-foreground',
                    'sidebar-collapsed:justify-center sidebar-collapsed:px-0',
                    active
                      ? 'bg-sidebar-active font-medium text-foreground hover:bg-sidebar-active [&_svg]:text-primary'
                      : 'text-muted-foreground hover:bg-muted',
                  )}
                >
                  {item.icon}
                  <span className="truncate sidebar-collapsed:sr-only">{label}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="flex min-w-0 flex-1 flex-col">
        <header
          data-print="hide"
          className="sticky top-0 z-20 flex h-14 print:hidden shrink-0 items-center gap-2 border-b border-border bg-surface/95 px-3 backdrop-blur sm:px-4"
        >
          <Button
            variant="ghost"
            size="icon-sm"
            onClick={toggleSidebar}
            aria-controls="sidebar"
            aria-expanded={expanded}
            aria-label={expanded ? t('shell.collapseSidebar') : t('shell.expandSidebar')}
            title={expanded ? t('shell.collapseSidebar') : t('shell.expandSidebar')}
          >
            {expanded ? icons.collapseSidebar : icons.expandSidebar}
          </Button>
          <div className="flex-1" />
          {nav.some((item) => item.key === 'customers') ? <CustomerPaletteTrigger icon={icons.search} /> : null}
          <UserMenu user={user} icon={icons.userMenu} />
        </header>
        <main
          id="main"
          tabIndex={-1}
          data-print="main"
          className="w-full flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8 lg:py-8 print:p-0"
        >
          <div className="mx-auto w-full max-w-[90rem]">{children}</div>
        </main>
      </div>
    </div>
  );
}
