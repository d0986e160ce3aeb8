import type { Metadata } from 'next';
import { PrintButton } from '@/components/pickups/print-button';
import { OrderPrintStyles } from '@/components/orders/print/print-styles';
import { valueForPage } from '@/lib/next/page-guard';
import { getI18n } from '@/lib/next/i18n';
import { requirePage } from '@/lib/next/session';
import { paymentState } from '@/lib/orders/payment';
import { readOrder } from '../read-order';
import { PostalAddress } from '@/components/orders/postal-address';
import { formatPhone } from '@/lib/customers/normalize';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ id }, { t }] = await Promise.all([params, getI18n()]);
  const read = await readOrder(id);
  return { title: read.ok ? t('orders.print.orderTitle', { number: read.value.number }) : t('orders.title') };
}

/** The order on one sheet, as a store keeps or hands it: who, where, what at what price, totals and payment. */
export default async function OrderPrintPage({ params }: { params: Params }) {
  const [{ id }, , { t, formatMoney, formatNumber, formatDateTime }] = await Promise.all([
    params,
    requirePage('orders.view'),
    getI18n(),
  ]);
  const order = valueForPage(await readOrder(id));
  const money = (cents: number) => formatMoney(cents, order.currency);
  const payment = paymentState(order, order.events);
  const name = [order.customerFirstName, order.customerLastName].filter(Boolean).join(' ').trim();
  const address = order.shippingAddress;
  const totals: [string, string, boolean?][] = [
    [t('orders.totals.subtotal'), money(order.subtotalCents)],
    ...(order.discountCents
      ? ([[t('orders.totals.discount'), `− ${money(order.discountCents)}`]] as [string, string][])
      : []),
    [t('orders.totals.shipping'), money(order.shippingCents)],
    [t('orders.totals.tax'), money(order.taxCents)],
    [t('orders.totals.total'), money(order.totalCents), true],
    [t('orders.payment.paid'), money(payment.paidCents)],
    ...(payment.refundedCents
      ? ([[t('orders.payment.refunded'), `− ${money(payment.refundedCents)}`]] as [string, string][])
      : []),
  ];

  return (
    <article className="mx-auto max-w-3xl rounded-md border border-border bg-surface p-6 text-sm print:max-w-none print:border-0 print:p-0 print:text-[11pt]">
      <OrderPrintStyles />
      <header className="mb-5 flex flex-wrap items-start justify-between gap-4 border-b border-border pb-4">
        <div>
          <h1 className="text-xl font-semibold">{t('orders.print.orderTitle', { number: order.number })}</h1>
          <p className="text-muted-foreground">
            {t('orders.print.placed', { date: formatDateTime(order.placedAt, order.timeZone ?? undefined) })} ·{' '}
            {t('orders.print.channel', { channel: order.channelName })} · {t(`orders.status.${order.status}`)}
          </p>
        </div>
        <PrintButton label={t('orders.print.printNow')} />
      </header>
      <div className="mb-5 grid grid-cols-2 gap-6">
        <div>
          <h2 className="text-xs font-medium uppercase text-muted-foreground">{t('orders.print.customer')}</h2>
          <p className="mt-1">{name || t('orders.customerCard.unnamed')}</p>
          {order.customerEmail ? <p>{order.customerEmail}</p> : null}
          {order.customerPhone ? <p className="tabular-nums">{formatPhone(order.customerPhone)}</p> : null}
        </div>
        <div>
          <h2 className="text-xs font-medium uppercase text-muted-foreground">
            {order.fulfilmentType === 'ship' ? t('orders.print.shipTo') : t('orders.print.collectAt')}
          </h2>
          {order.fulfilmentType === 'ship' && address ? (
            <PostalAddress address={address} />
          ) : (
            <p className="mt-1">
              {order.locationName} <span className="font-mono text-xs">{order.locationCode}</span>
            </p>
          )}
        </div>
      </div>
      <table className="w-full border-collapse">
        <caption className="mb-1 text-left font-medium">{t('orders.print.items')}</caption>
        <thead>
          <tr className="border-b border-foreground/40 text-left">
            <th className="py-1 pr-2 font-medium">{t('orders.col.sku')}</th>
            <th className="py-1 pr-2 font-medium">{t('orders.col.product')}</th>
            <th className="py-1 pr-2 text-right font-medium">{t('orders.col.quantity')}</th>
            <th className="py-1 pr-2 text-right font-medium">{t('orders.col.unitPrice')}</th>
            <th className="py-1 text-right font-medium">{t('orders.col.lineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id} className="border-b border-border">
              <td className="py-1.5 pr-2 font-mono">{line.sku}</td>
              <td className="py-1.5 pr-2">{line.productName ?? t('orders.detail.productUnknown')}</td>
              <td className="py-1.5 pr-2 text-right tabular-nums">{formatNumber(line.quantity)}</td>
              <td className="py-1.5 pr-2 text-right tabular-nums">{money(line.unitPriceCents)}</td>
              <td className="py-1.5 text-right tabular-nums">{money(line.unitPriceCents * line.quantity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="ml-auto mt-4 grid w-full max-w-xs grid-cols-[1fr_auto] gap-x-6 gap-y-1">
        {totals.map(([label, value, strong]) => (
          <div
            key={label}
            className={
              strong
                ? 'col-span-2 grid grid-cols-subgrid border-t border-border pt-1.5 font-semibold'
                : 'col-span-2 grid grid-cols-subgrid'
            }
          >
            <dt>{label}</dt>
            <dd className="text-right tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
