import type { ReactNode } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppShell } from '@/components/shell/app-shell';
import { parseSidebarMode, SIDEBAR_COOKIE } from '@/components/shell/sidebar-mode';
import { navFor } from '@/lib/auth/permissions';
import { getSessionContext } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';

export default async function BackofficeLayout({ children }: { children: ReactNode }) {
  const [ctx, { t }, cookieStore] = await Promise.all([getSessionContext(), getI18n(), cookies()]);
  if (!ctx) redirect('/login');
  return (
    <AppShell
      nav={navFor(ctx).map(({ key, href }) => ({ key, href }))}
      user={{ name: ctx.name, email: ctx.email, roleLabel: t(`roles.${ctx.role}`) }}
      initialSidebar={parseSidebarMode(cookieStore.get(SIDEBAR_COOKIE)?.value)}
    >
      {children}
    </AppShell>
  );
}
