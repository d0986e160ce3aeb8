import { getI18n } from '@/lib/next/i18n';
import type { OrderDetail } from '@/lib/orders/queries';
import { PostalAddress } from '../postal-address';
import { formatPhone } from '@/lib/customers/normalize';

/**
 * One order's packing slip, for the parcel: where it goes, what is in it (no prices), a box to tick
 * per line. Printed one per A4 page (print CSS: .packing-slip breaks after itself).
 */
export async function PackingSlip({ order }: { order: OrderDetail }) {
  const { t, formatDateTime, formatNumber } = await getI18n();
  const name = [order.customerFirstName, order.customerLastName].filter(Boolean).join(' ').trim();
  const address = order.shippingAddress;
  const units = order.lines.reduce((sum, l) => sum + l.quantity - l.quantityReturned, 0);
  return (
    <section
      aria-label={t('orders.print.slipTitle', { number: order.number })}
      className="packing-slip rounded-md border border-border bg-surface p-6 print:rounded-none print:border-0 print:p-0"
    >
      <header className="mb-5 flex flex-wrap items-start justify-between gap-4 border-b border-border pb-4">
        <div>
          <h2 className="text-lg font-semibold">{t('orders.print.slipTitle', { number: order.number })}</h2>
          <p className="text-muted-foreground">
            {t('orders.print.placed', { date: formatDateTime(order.placedAt, order.timeZone ?? undefined) })} ·{' '}
            {t('orders.print.channel', { channel: order.channelName })}
          </p>
        </div>
        <p className="font-mono text-base font-semibold">{order.number}</p>
      </header>
      <div className="mb-5 grid grid-cols-2 gap-6">
        <div>
          <h3 className="text-xs font-medium uppercase text-muted-foreground">
            {order.fulfilmentType === 'ship' ? t('orders.print.shipTo') : t('orders.print.collectAt')}
          </h3>
          {order.fulfilmentType === 'ship' && address ? (
            <PostalAddress address={address} fallbackName={name} />
          ) : (
            <p className="mt-1">
              {order.locationName} <span className="font-mono text-xs">{order.locationCode}</span>
            </p>
          )}
        </div>
        <div>
          <h3 className="text-xs font-medium uppercase text-muted-foreground">{t('orders.print.customer')}</h3>
          <p className="mt-1">{name || t('orders.customerCard.unnamed')}</p>
          {order.customerPhone ? <p className="tabular-nums">{formatPhone(order.customerPhone)}</p> : null}
        </div>
      </div>
      <table className="w-full border-collapse text-sm">
        <caption className="mb-1 text-left font-medium">
          {t('orders.print.items')} · {t('orders.print.itemsCount', { count: units })}
        </caption>
        <thead>
          <tr className="border-b border-foreground/40 text-left">
            <th className="w-14 py-1 font-medium">{t('orders.print.packed')}</th>
            <th className="py-1 pr-2 font-medium">{t('orders.col.sku')}</th>
            <th className="py-1 pr-2 font-medium">{t('orders.col.product')}</th>
            <th className="py-1 text-right font-medium">{t('orders.print.toPack')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id} className="border-b border-border">
              <td className="py-1.5">
                <span aria-hidden className="inline-block size-4 border border-foreground" />
              </td>
              <td className="py-1.5 pr-2 font-mono">{line.sku}</td>
              <td className="py-1.5 pr-2">{line.productName ?? t('orders.detail.productUnknown')}</td>
              <td className="py-1.5 text-right font-semibold tabular-nums">
                {formatNumber(line.quantity - line.quantityReturned)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-6 text-muted-foreground">{t('orders.print.thanks')}</p>
    </section>
  );
}
