import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ArrowRight } from 'lucide';
import { NAV_ICONS } from '@/components/shell/nav-icons';
import { AgentHome } from '@/components/customers/agent-home';
import { readRecentCustomers } from './read-recent-customers';
import { StoreTodaySection } from '@/components/dashboard/store-today';
import { StoreChooser } from '@/components/pickups/store-chooser';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { navFor } from '@/lib/auth/permissions';
import { getStoresToday } from '@/lib/dashboard/store-today';
import { chooseQueueStore, type SearchParams } from '@/lib/next/queue-store';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('dashboard.title') };
}

/**
 * The home page: for a manager, today at each of their stores (what to pick, what is late, due
 * soon or expired today, transfers to receive, low stock, each a link to its list); an owner may
 * choose a store to see the same (`?store=`); then the shortcuts to every section the role opens.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [ctx, { t, formatDate, locale }, sp] = await Promise.all([
    requirePage('dashboard.view'),
    getI18n(),
    searchParams,
  ]);
  const firstName = ctx.name.trim().split(/\s+/)[0] || ctx.name;
  const sections = navFor(ctx).filter((item) => item.key !== 'dashboard');
  const db = ctx.role === 'agent' ? null : await getDb();
  const { stores: choosable, store: chosen } =
    ctx.role === 'owner'
      ? await chooseQueueStore(ctx, sp, { param: 'store', orFirst: false })
      : { stores: [], store: undefined };
  const todayAt = ctx.role === 'manager' ? ctx.locationIds : chosen ? [chosen.id] : [];
  const stores = db && todayAt.length > 0 ? await getStoresToday(db, ctx, { locationIds: todayAt, locale }) : [];

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

      {choosable.length > 0 ? (
        <StoreChooser
          action="/"
          id="today-store"
          name="store"
          label={t('storeToday.chooser.label')}
          submitLabel={t('storeToday.chooser.show')}
          stores={choosable}
          value={chosen?.id ?? ''}
          none={t('storeToday.chooser.none')}
        >
          {chosen ? null : <p className="basis-full text-sm text-muted-foreground">{t('storeToday.chooser.hint')}</p>}
        </StoreChooser>
      ) : null}
      {ctx.role === 'agent' ? <AgentHome recent={await readRecentCustomers(ctx)} /> : null}
      {stores.map((store) => (
        <StoreTodaySection key={store.id} store={store} />
      ))}

      <section aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading" className="mb-3 text-sm font-semibold text-foreground">
          {t('dashboard.shortcuts')}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {sections.map((item) => {
            return (
              <li key={item.key}>
                <Card className="group relative h-full transition-colors hover:border-primary/40 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-ring">
                  <div className="flex h-full gap-3.5 p-4">
                    <span
                      aria-hidden
                      className="flex size-9 shrink-0 items-center justify-center rounded-md bg-primary-soft text-primary"
                    >
                      <Icon node={NAV_ICONS[item.key]} className="size-[1.125rem]" />
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
                    <Icon
                      node={ArrowRight}
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
