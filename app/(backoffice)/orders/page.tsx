import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { PhoneCall, ReceiptText, SearchX } from 'lucide';
import { ordersHref, hasFilters } from '@/components/orders/list-url';
import { OrdersFilters } from '@/components/orders/orders-filters';
import { OrderSelection } from '@/components/orders/order-selection';
import { OrdersTable } from '@/components/orders/orders-table';
import { TabNav } from '@/components/ui/tab-nav';
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
import { ORDER_VIEWS } from '@/lib/orders/constants';

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
  const selectable = page.rows.length > 0;
  // A tab keeps the other filters and starts again from the first page.
  const tabs = [undefined, ...ORDER_VIEWS].map((view) => ({
    href: ordersHref(query, { view, after: undefined }),
    label: t(`orders.views.${view ?? 'all'}`),
    current: query.view === view,
  }));

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        description={t('orders.description')}
        action={
          can(ctx, 'orders.create_phone') ? (
            <ButtonLink href="/orders/new">
              <Icon node={PhoneCall} aria-hidden />
              {t('orders.newPhoneOrder')}
            </ButtonLink>
          ) : null
        }
      />

      <TabNav label={t('orders.views.label')} tabs={tabs} />

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

      {query.tag ? (
        <Alert tone="info" className="mb-4">
          {t('orders.tagFilter', { tag: query.tag })}{' '}
          <Link
            href={ordersHref(query, { tag: undefined, after: undefined })}
            className="font-medium underline underline-offset-4"
          >
            {t('orders.tagFilterClear')}
          </Link>
        </Alert>
      ) : null}

      {page.rows.length === 0 && query.view && !filtered && !query.after ? (
        <EmptyState icon={<Icon node={ReceiptText} />} title={t(`orders.viewEmpty.${query.view}`)} />
      ) : page.rows.length === 0 ? (
        <EmptyState
          icon={filtered || query.after ? <Icon node={SearchX} /> : <Icon node={ReceiptText} />}
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
          <OrderSelection
            rows={page.rows.map((r) => ({ id: r.id, number: r.number }))}
            canConfirm={can(ctx, 'orders.confirm')}
          >
            <OrdersTable
              rows={page.rows}
              label={t('orders.table.label')}
              linkCustomers={can(ctx, 'customers.view')}
              channelKinds={Object.fromEntries(channels.map((c) => [c.code, c.kind]))}
              selectable={selectable}
            />
          </OrderSelection>
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
