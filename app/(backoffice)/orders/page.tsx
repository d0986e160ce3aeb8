import type { Metadata } from 'next';
import Link from 'next/link';
import { PhoneCall, ReceiptText, SearchX } from 'lucide-react';
import { ordersHref, hasFilters } from '@/components/orders/list-url';
import { OrdersFilters } from '@/components/orders/orders-filters';
import { OrdersTable } from '@/components/orders/orders-table';
import { Pager } from '@/components/ui/pager';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can, scopeOf } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listLocations } from '@/lib/inventory/queries/locations';
import { listChannels, listOrders } from '@/lib/orders/queries';
import { parseOrderListParams } from '@/lib/orders/list-params';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('orders.title') };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [ctx, { locale, t }, sp] = await Promise.all([requirePage('orders.view'), getI18n(), searchParams]);
  const query = parseOrderListParams(sp);
  const db = await getDb();
  const [page, channels, locations] = await Promise.all([
    listOrders(db, ctx, query, locale),
    listChannels(db, locale),
    listLocations(db, locale),
  ]);

  const scope = scopeOf(ctx, 'orders.view');
  const visible = scope ? locations.filter((l) => scope.includes(l.id)) : locations;
  const filtered = hasFilters(query);

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        description={t('orders.description')}
        action={
          can(ctx, 'orders.create_phone') ? (
            <ButtonLink href="/orders/new">
              <PhoneCall aria-hidden />
              {t('orders.newPhoneOrder')}
            </ButtonLink>
          ) : null
        }
      />

      <OrdersFilters
        channels={channels.map((c) => ({ value: c.code, label: c.name }))}
        locations={visible.map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` }))}
      />

      {query.customer ? (
        <Alert tone="info" className="mb-4">
          {t('orders.filters.oneCustomer')}{' '}
          <Link
            href={ordersHref(query, { customer: undefined, after: undefined })}
            className="font-medium underline underline-offset-4"
          >
            {t('orders.filters.allCustomers')}
          </Link>
        </Alert>
      ) : null}

      {page.rows.length === 0 ? (
        <EmptyState
          icon={filtered || query.after ? <SearchX /> : <ReceiptText />}
          title={filtered || query.after ? t('orders.empty.title') : t('orders.empty.noneTitle')}
          description={filtered || query.after ? t('orders.empty.description') : t('orders.empty.noneDescription')}
          action={
            filtered || query.after ? (
              <ButtonLink variant="secondary" href="/orders">
                {t('orders.filters.clear')}
              </ButtonLink>
            ) : null
          }
        />
      ) : (
        <>
          <OrdersTable
            rows={page.rows}
            label={t('orders.table.label')}
            linkCustomers={can(ctx, 'customers.view')}
            channelKinds={Object.fromEntries(channels.map((c) => [c.code, c.kind]))}
          />
          <Pager
            label={t('orders.pagination.label')}
            back="first"
            previous={{
              href: query.after ? ordersHref(query, { after: undefined }) : null,
              label: t('orders.pagination.first'),
            }}
            next={{
              href: page.next ? ordersHref(query, { after: page.next }) : null,
              label: t('orders.pagination.next'),
            }}
          />
        </>
      )}
    </>
  );
}
