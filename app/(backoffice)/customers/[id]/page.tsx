import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ArrowLeft, ReceiptText } from 'lucide-react';
import { ChannelBadge } from '@/components/orders/channel-badge';
import { ordersHref } from '@/components/orders/list-url';
import { OrdersTable } from '@/components/orders/orders-table';
import { PrivacySection } from '@/components/customers/privacy-section';
import { Pager } from '@/components/ui/pager';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { valueForPage } from '@/lib/next/page-guard';
import { requirePage } from '@/lib/next/session';
import { readCustomer } from './read-customer';
import { getI18n } from '@/lib/next/i18n';
import { listChannels, listOrders } from '@/lib/orders/queries';
import { parseCustomerOrdersParams } from '@/lib/orders/list-params';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function displayName(p: { firstName: string; lastName: string; email: string | null }): string | null {
  return `${p.firstName} ${p.lastName}`.trim() || p.email;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ id }, { t }] = await Promise.all([params, getI18n()]);
  // The same authorised read as the page: no name in the title past a refusal.
  const read = await readCustomer(id);
  return { title: read.ok ? (displayName(read.value) ?? t('customers.profile.unnamed')) : t('customers.title') };
}

export default async function CustomerPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ id }, sp, ctx, { locale, t, formatMoney, formatNumber, formatDate }] = await Promise.all([
    params,
    searchParams,
    requirePage('customers.view'),
    getI18n(),
  ]);
  const profile = valueForPage(await readCustomer(id));
  if (profile.mergedIntoId) redirect(`/customers/${profile.mergedIntoId}`);

  const after = Array.isArray(sp.after) ? sp.after[0] : sp.after;
  const query = parseCustomerOrdersParams(profile.id, sp);
  const db = await getDb();
  const [history, channels] = await Promise.all([listOrders(db, ctx, query, locale), listChannels(db, locale)]);
  const kinds = Object.fromEntries(channels.map((c) => [c.code, c.kind]));
  const base = `/customers/${profile.id}`;
  const name = displayName(profile) ?? t('customers.profile.unnamed');

  const stats: [string, string][] = [
    [t('customers.profile.orders'), formatNumber(profile.orderCount)],
    [t('customers.profile.lifetimeValue'), formatMoney(profile.lifetimeValueCents)],
    [
      t('customers.profile.lastOrder'),
      profile.lastOrderAt ? formatDate(profile.lastOrderAt) : t('customers.profile.never'),
    ],
    [t('customers.profile.since'), formatDate(profile.createdAt)],
  ];

  return (
    <>
      <Link
        href="/customers"
        className="mb-3 inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground print:hidden"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {t('customers.profile.back')}
      </Link>
      <PageHeader title={name} description={t('customers.profile.description')} />

      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-border bg-surface px-4 py-3 shadow-card">
            <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      <div className="mb-8 grid gap-4 md:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>{t('customers.profile.contact')}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-2 text-sm">
              <div>
                <dt className="text-xs text-muted-foreground">{t('customers.profile.email')}</dt>
                <dd className="break-all">
                  {profile.email ? (
                    <a href={`mailto:${profile.email}`} className="hover:underline">
                      {profile.email}
                    </a>
                  ) : (
                    <span className="text-muted-foreground">{t('customers.profile.none')}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">{t('customers.profile.phone')}</dt>
                <dd className="tabular-nums">
                  {profile.phone ? (
                    <a href={`tel:${profile.phone}`} className="hover:underline">
                      {profile.phone}
                    </a>
                  ) : (
                    <span className="text-muted-foreground">{t('customers.profile.none')}</span>
                  )}
                </dd>
              </div>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('customers.profile.identities')}</CardTitle>
            <CardDescription>{t('customers.profile.identitiesHint')}</CardDescription>
          </CardHeader>
          <CardContent>
            {profile.identities.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('customers.profile.noIdentities')}</p>
            ) : (
              <ul className="grid gap-2 text-sm">
                {profile.identities.map((identity) => (
                  <li key={`${identity.kind}:${identity.scope}:${identity.value}`} className="grid">
                    <span className="text-xs text-muted-foreground">
                      {identity.kind === 'buyer_id'
                        ? t('customers.profile.identity.buyer_id', {
                            channel: channels.find((c) => c.code === identity.scope)?.name ?? identity.scope,
                          })
                        : t(`customers.profile.identity.${identity.kind}`)}
                    </span>
                    <span className="break-all font-mono text-[0.8125rem]">{identity.value}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('customers.profile.channels')}</CardTitle>
          </CardHeader>
          <CardContent>
            {profile.channels.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('customers.profile.noChannels')}</p>
            ) : (
              <ul className="flex flex-wrap gap-2">
                {profile.channels.map((c) => (
                  <li key={c.code}>
                    <ChannelBadge code={c.code} name={c.name} kind={kinds[c.code]} />
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>

      <section aria-labelledby="customer-history">
        <h2 id="customer-history" className="mb-3 text-[0.9375rem] font-semibold">
          {t('customers.profile.history')}
        </h2>
        {history.rows.length === 0 ? (
          <EmptyState
            icon={<ReceiptText />}
            headingLevel={3}
            title={t('customers.profile.historyEmpty')}
            description={t('customers.profile.historyEmptyDescription')}
          />
        ) : (
          <>
            <OrdersTable
              rows={history.rows}
              label={t('customers.profile.historyLabel')}
              showCustomer={false}
              channelKinds={kinds}
            />
            <Pager
              label={t('orders.pagination.label')}
              back="first"
              previous={{ href: after ? base : null, label: t('orders.pagination.first') }}
              next={{
                href: history.next ? ordersHref({}, { after: history.next }, base) : null,
                label: t('orders.pagination.next'),
              }}
            />
          </>
        )}
      </section>
      <PrivacySection customerId={profile.id} email={profile.email} />
    </>
  );
}
