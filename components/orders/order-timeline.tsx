import { getI18n } from '@/lib/next/i18n';
import type { LocationOption } from '@/lib/inventory/queries/locations';
import type { OrderDetail } from '@/lib/orders/queries';
import { refundCauseOf } from '@/lib/orders/payment';
import { clsx } from 'clsx';

const KNOWN_EVENTS = [
  'placed',
  'reserved',
  'sold',
  'backordered',
  'confirmed',
  'to_pick',
  'awaiting_transfer',
  'transfer_received',
  'ready',
  'reminded',
  'hold_extended',
  'collected',
  'expired',
  'pickup_rejected',
  'rerouted',
  'pickup_cancelled',
  'shipped',
  'delivered',
  'cancelled',
  'partially_returned',
  'returned',
  'pick_short',
  'partial_accepted',
  'left_at_counter',
  'refund_due',
  'fulfilment_changed',
  'short_transfer',
] as const;

/** The dot's colour follows the status colours: done, waiting, problem, closed. */
const TONE: Record<string, string> = {
  placed: 'bg-info',
  reserved: 'bg-info',
  sold: 'bg-done',
  confirmed: 'bg-waiting',
  to_pick: 'bg-waiting',
  awaiting_transfer: 'bg-waiting',
  transfer_received: 'bg-info',
  ready: 'bg-waiting',
  reminded: 'bg-info',
  hold_extended: 'bg-info',
  pickup_rejected: 'bg-problem',
  rerouted: 'bg-info',
  pickup_cancelled: 'bg-closed',
  pick_short: 'bg-problem',
  partial_accepted: 'bg-waiting',
  left_at_counter: 'bg-waiting',
  refund_due: 'bg-problem',
  fulfilment_changed: 'bg-info',
  short_transfer: 'bg-waiting',
  backordered: 'bg-waiting',
  collected: 'bg-done',
  shipped: 'bg-done',
  delivered: 'bg-done',
  expired: 'bg-problem',
  cancelled: 'bg-closed',
  partially_returned: 'bg-closed',
  returned: 'bg-closed',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** Every event of the order, oldest first, with who did it and when; unknown types show as they are. */
export async function OrderTimeline({
  order,
  locations,
}: {
  order: OrderDetail;
  locations: readonly LocationOption[];
}) {
  const { t, formatDateTime, formatMoney } = await getI18n();
  const nameOf = new Map(locations.map((l) => [l.id, `${l.code} · ${l.name}`]));

  function details(type: string, data: Record<string, unknown>): string[] {
    const out: string[] = [];
    if (type === 'refund_due') {
      if (typeof data.cents === 'number')
        out.push(formatMoney(data.cents, str(data.currency) ? String(data.currency) : order.currency));
      // Its reason is a code (why the units were not got), said as the Payment card says it.
      out.push(t(`orders.payment.kind.${refundCauseOf(data)}`));
    }
    if (type === 'placed' && str(data.externalId))
      out.push(t('orders.event.externalId', { externalId: String(data.externalId) }));
    if (type !== 'refund_due' && str(data.reason)) out.push(t('orders.event.reason', { reason: String(data.reason) }));
    // The units taken off the order (a short pick accepted, or left at the counter), line by line.
    if ((type === 'partial_accepted' || type === 'left_at_counter') && Array.isArray(data.lines))
      out.push(
        (data.lines as { sku?: unknown; quantity?: unknown }[])
          .filter((l) => typeof l.quantity === 'number' && str(l.sku))
          .map((l) => t('orders.event.unitsOf', { quantity: Number(l.quantity), sku: String(l.sku) }))
          .join(', '),
      );
    const transfer = str(data.transfer);
    if (transfer && str(data.from) && typeof data.days === 'number')
      out.push(t('orders.event.transferFrom', { transfer, from: String(data.from), days: data.days }));
    else if (transfer) out.push(t('orders.event.transfer', { transfer }));
    if (str(data.carrier)) out.push(t('orders.event.carrier', { carrier: String(data.carrier) }));
    const tracking = str(data.tracking) ?? str(data.trackingNumber);
    if (tracking) out.push(t('orders.event.tracking', { tracking }));
    if (typeof data.units === 'number' && typeof data.cents === 'number') {
      out.push(
        t('orders.event.returnSummary', {
          units: data.units,
          amount: formatMoney(Number(data.cents ?? 0), order.currency),
        }),
      );
    }
    if (str(data.locationId) && nameOf.has(String(data.locationId))) out.push(nameOf.get(String(data.locationId))!);
    if (Array.isArray(data.skus) && data.skus.length)
      out.push(t('orders.event.missing', { skus: data.skus.join(', ') }));
    if (type === 'ready' && str(data.code)) out.push(t('orders.event.code', { code: String(data.code) }));
    if (str(data.collectedBy)) out.push(t('orders.event.collectedBy', { name: String(data.collectedBy) }));
    if ((type === 'ready' || type === 'hold_extended') && str(data.dueBy))
      out.push(t('orders.event.dueBy', { date: formatDateTime(String(data.dueBy)) }));
    return out;
  }

  return (
    <ol className="relative grid gap-0 rounded-lg border border-border bg-surface px-4 py-3">
      {order.events.map((event, i) => {
        const known = (KNOWN_EVENTS as readonly string[]).includes(event.type);
        const label = known ? t(`orders.event.${event.type as (typeof KNOWN_EVENTS)[number]}`) : event.type;
        const who =
          event.actorName ??
          (event.type === 'placed' && !event.actorName
            ? t('orders.timeline.channel', { channel: order.channelName })
            : t('orders.timeline.system'));
        const lines = details(event.type, event.data ?? {});
        return (
          <li key={event.id} className="relative grid grid-cols-[1rem_minmax(0,1fr)] gap-x-3 pb-4 last:pb-1">
            {i < order.events.length - 1 ? (
              <span aria-hidden className="absolute left-[0.4375rem] top-4 h-full w-px bg-border" />
            ) : null}
            <span
              aria-hidden
              className={clsx(
                'relative mt-1.5 size-2.5 justify-self-center rounded-full ring-4 ring-surface',
                TONE[event.type] ?? 'bg-input',
              )}
            />
            <div className="min-w-0">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5">
                <p className={clsx('text-sm font-medium', !known && 'font-mono')}>{label}</p>
                <p className="text-xs tabular-nums text-muted-foreground">
                  <time dateTime={new Date(event.createdAt).toISOString()}>
                    {formatDateTime(event.createdAt, order.timeZone ?? undefined)}
                  </time>
                </p>
              </div>
              <p className="text-xs text-muted-foreground">{who}</p>
              {lines.length ? <p className="mt-1 text-sm text-foreground/90">{lines.join(' · ')}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
