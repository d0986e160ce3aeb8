import type { ReactNode } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppShell } from '@/components/shell/app-shell';
import { navIcon, SHELL_ICONS } from '@/components/shell/shell-icons';
import { parseSidebarMode, SIDEBAR_COOKIE } from '@/components/shell/sidebar-mode';
import { navFor } from '@/lib/auth/permissions';
import { getSessionContext } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';

/**
 * No loading.tsx under this layout, on purpose. Pages here answer in tens of milliseconds; a
 * loading boundary made every client navigation show its skeleton, and React then holds the
 * real content back until the skeleton has been up ~300 ms (its Suspense reveal throttle), so
 * a 25 ms page took 350–400 ms. Without one, Next keeps the current page until the next one is
 * ready, and a page's notFound() or redirect() comes before anything streams (a real 404).
 * Wrap only a genuinely slow part of a page in <Suspense> (scripts/measure-navigation.ts).
 */
export default async function BackofficeLayout({ children }: { children: ReactNode }) {
  const [ctx, { t }, cookieStore] = await Promise.all([getSessionContext(), getI18n(), cookies()]);
  if (!ctx) redirect('/login');
  return (
    <>
      {/* The first thing a keyboard reaches; server-rendered, it costs the shell's JavaScript nothing. */}
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow-popover"
      >
        {t('common.skipToContent')}
      </a>
      <AppShell
        nav={navFor(ctx).map(({ key, href }) => ({ key, href, icon: navIcon(key) }))}
        icons={SHELL_ICONS}
        user={{ name: ctx.name, email: ctx.email, roleLabel: t(`roles.${ctx.role}`) }}
        initialSidebar={parseSidebarMode(cookieStore.get(SIDEBAR_COOKIE)?.value)}
      >
        {children}
      </AppShell>
    </>
  );
}
