import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { FirstOwnerNotice } from '@/components/auth/first-owner-notice';
import { LoginForm, type DemoAccount } from '@/components/auth/login-form';
import { LocaleSwitch } from '@/components/locale-switch';
import { BrandMark } from '@/components/shell/brand-mark';
import { Card } from '@/components/ui/card';
import { getSessionContext } from '@/lib/next/session';
import { getClientMessages, getI18n } from '@/lib/next/i18n';
import { findDemoSeed, FIRST_OWNER_COMMAND, hasActiveStaff } from '@/lib/system/install';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('login.metaTitle') };
}

// The seeded demo accounts, listed only when the database says the demo seed filled it.
const DEMO_PASSWORD = 'comptoir-demo';
const DEMO_ACCOUNTS = [
  { email: 'owner@comptoir.test', role: 'owner' },
  { email: 'manager@comptoir.test', role: 'manager' },
  { email: 'agent@comptoir.test', role: 'agent' },
] as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const db = await getDb();
  const [ctx, { t }, messages, params, demoSeed, staff] = await Promise.all([
    getSessionContext(),
    getI18n(),
    getClientMessages('login'),
    searchParams,
    findDemoSeed(db),
    hasActiveStaff(db),
  ]);
  if (ctx) redirect('/');
  const next = typeof params.next === 'string' ? params.next : '/';
  const demo = demoSeed
    ? {
        password: DEMO_PASSWORD,
        accounts: DEMO_ACCOUNTS.map((a): DemoAccount => ({ email: a.email, role: t(`roles.${a.role}`) })),
      }
    : null;

  return (
    <div className="flex min-h-dvh flex-col">
      <main className="flex flex-1 items-center justify-center px-4 py-12">
        <div className="w-full max-w-[26rem]">
          <div className="mb-6 flex items-center justify-center gap-2.5">
            <BrandMark className="size-8" />
            <span className="text-lg font-semibold tracking-tight">{t('app.name')}</span>
          </div>
          <Card className="px-6 py-6 sm:px-8 sm:py-7">
            <h1 className="text-lg font-semibold tracking-tight">{t('login.title')}</h1>
            <p className="mb-5 mt-1 text-sm text-muted-foreground">{t('login.description')}</p>
            {staff ? null : <FirstOwnerNotice command={FIRST_OWNER_COMMAND} />}
            <NextIntlClientProvider messages={messages}>
              <LoginForm redirectTo={next} demo={demo} />
            </NextIntlClientProvider>
          </Card>
        </div>
      </main>
      <footer className="flex items-center justify-center gap-3 px-4 pb-6 text-xs text-muted-foreground">
        <span>{t('app.tagline')}</span>
        <LocaleSwitch />
      </footer>
    </div>
  );
}
