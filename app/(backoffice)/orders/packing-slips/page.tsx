import type { Metadata } from 'next';
import { PrintButton } from '@/components/pickups/print-button';
import { PackingSlip } from '@/components/orders/print/packing-slip';
import { OrderPrintStyles } from '@/components/orders/print/print-styles';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db/client';
import { getI18n } from '@/lib/next/i18n';
import { requirePage } from '@/lib/next/session';
import { ORDER_BULK_MAX } from '@/lib/orders/constants';
import { getOrdersToPrint } from '@/lib/orders/queries';
import { isUuid } from '@/lib/uuid';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('orders.print.slipsTitle') };
}

/**
 * The packing slips of the orders chosen on the list (`?ids=<order>,<order>…`, at most a page),
 * one per printed page; orders the reader may not see are left out and counted.
 */
export default async function PackingSlipsPage({ searchParams }: { searchParams: SearchParams }) {
  const [sp, ctx, { t, locale }] = await Promise.all([searchParams, requirePage('orders.view'), getI18n()]);
  const raw = Array.isArray(sp.ids) ? sp.ids.join(',') : (sp.ids ?? '');
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(isUuid)
    .slice(0, ORDER_BULK_MAX);
  const { orders, skipped } = await getOrdersToPrint(await getDb(), ctx, ids, locale);

  return (
    <article className="mx-auto max-w-3xl text-sm print:max-w-none print:text-[11pt]">
      <OrderPrintStyles />
      <header className="mb-4 flex flex-wrap items-end justify-between gap-3 print:hidden">
        <div>
          <h1 className="text-xl font-semibold">{t('orders.print.slipsTitle')}</h1>
          <p className="text-muted-foreground">{t('orders.print.slipsSubtitle', { count: orders.length })}</p>
        </div>
        {orders.length ? <PrintButton label={t('orders.print.printNow')} /> : null}
      </header>
      {skipped ? (
        <Alert tone="warning" className="mb-4 print:hidden">
          {t('orders.print.skipped', { count: skipped })}
        </Alert>
      ) : null}
      {orders.length === 0 ? (
        <EmptyState title={t('orders.print.none')} />
      ) : (
        <div className="flex flex-col gap-6 print:block">
          {orders.map((order) => (
            <PackingSlip key={order.id} order={order} />
          ))}
        </div>
      )}
    </article>
  );
}
