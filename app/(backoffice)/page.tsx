import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowRight } from 'lucide-react';
import { NAV_ICONS } from '@/components/shell/nav-icons';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { navFor } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('dashboard.title') };
}

export default async function DashboardPage() {
  const [ctx, { t, formatDate }] = await Promise.all([requirePage('dashboard.view'), getI18n()]);
  const firstName = ctx.name.trim().split(/\s+/)[0] || ctx.name;
  const sections = navFor(ctx).filter((item) => item.key !== 'dashboard');

  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: firstName })}
        description={`${t('dashboard.today', { date: formatDate(new Date(), undefined, 'full') })} ${t(`dashboard.role.${ctx.role}`)}`}
      />
      <p className="-mt-3 mb-8 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        <Badge variant="info">{t(`roles.${ctx.role}`)}</Badge>
        <span>{ctx.email}</span>
      </p>

      <section aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading" className="mb-3 text-sm font-semibold text-foreground">
          {t('dashboard.shortcuts')}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {sections.map((item) => {
            const Icon = NAV_ICONS[item.key];
            return (
              <li key={item.key}>
                <Card className="group relative h-full transition-colors hover:border-primary/40 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-ring">
                  <div className="flex h-full gap-3.5 p-4">
                    <span
                      aria-hidden
                      className="flex size-9 shrink-0 items-center justify-center rounded-md bg-primary-soft text-primary"
                    >
                      <Icon className="size-[1.125rem]" />
                    </span>
                    <div className="min-w-0 flex-1">
                      <h3 className="text-[0.9375rem] font-semibold leading-snug">
                        {/* The link covers the whole card; its name is the section's. */}
                        <Link
                          href={item.href}
                          className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none"
                        >
                          {t(`${item.key}.title`)}
                        </Link>
                      </h3>
                      <p className="mt-1 text-sm text-muted-foreground">{t(`${item.key}.description`)}</p>
                    </div>
                    <ArrowRight
                      aria-hidden
                      className="mt-0.5 size-4 shrink-0 text-muted-foreground transition-transform group-hover:translate-x-0.5 group-hover:text-primary"
                    />
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
