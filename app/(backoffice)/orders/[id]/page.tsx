import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ArrowLeft, FileText, Printer } from 'lucide';
import { clsx } from 'clsx';
import type { NoteLabels } from '@/components/notes/labels';
import { EditableNote } from '@/components/notes/note-edit';
import { NoteForm } from '@/components/notes/note-form';
import { OrderTags } from '@/components/orders/order-tags';
import { ChannelBadge } from '@/components/orders/channel-badge';
import { OrderActions } from '@/components/orders/order-actions';
import { OrderTimeline } from '@/components/orders/order-timeline';
import {
  allowedActions,
  orderStatusVariant,
  PICKUP_STATE_VARIANT,
  RESERVATION_STATUS_VARIANT,
} from '@/components/orders/status';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { valueForPage } from '@/lib/next/page-guard';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listLocations } from '@/lib/inventory/queries/locations';
import { paymentState } from '@/lib/orders/payment';
import { listChannels, orderActionRights, type OrderDetail } from '@/lib/orders/queries';
import { readOrder } from './read-order';
import { PostalAddress } from '@/components/orders/postal-address';
import { formatPhone } from '@/lib/customers/normalize';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ id }, { t }] = await Promise.all([params, getI18n()]);
  // The same authorised read as the page: no order number in the title past a refusal.
  const read = await readOrder(id);
  return { title: read.ok ? t('orders.detail.metaTitle', { number: read.value.number }) : t('orders.title') };
}

export default async function OrderPage({ params }: { params: Params }) {
  const [{ id }, ctx, i18n] = await Promise.all([params, requirePage('orders.view'), getI18n()]);
  const { t, formatMoney, formatNumber, formatDateTime } = i18n;
  // Missing or out of scope → 404 or the forbidden page, before anything streams (getOrderForActor).
  const order = valueForPage(await readOrder(id));
  const db = await getDb();
  const [locations, channels] = await Promise.all([listLocations(db, i18n.locale), listChannels(db, i18n.locale)]);

  // Only the actions this user may take, by the rules the use cases check again under the lock:
  // shipping and cancelling need the right at every location holding the order's stock.
  const rights = orderActionRights(ctx, order, locations);
  const returnStores = new Map(rights.returnAt.map((r) => [r.locationId, r.restock]));
  const returnLocations = locations
    .filter((l) => returnStores.has(l.id))
    .sort((a, b) => Number(b.id === order.locationId) - Number(a.id === order.locationId))
    .map((l) => ({ id: l.id, label: `${l.code} · ${l.name}`, restock: returnStores.get(l.id)! }));
  const actions = allowedActions(order);
  const allowed = {
    confirm: actions.confirm && rights.confirm,
    ship: actions.ship && rights.ship,
    cancel: actions.cancel && rights.cancel,
    return: actions.return && returnLocations.length > 0,
  };

  const annotate = can(ctx, 'orders.annotate');
  const noteLabels: NoteLabels = {
    label: t('orders.notes.label'),
    placeholder: t('orders.notes.placeholder'),
    save: t('orders.notes.save'),
    saving: t('orders.notes.saving'),
    added: t('orders.notes.added'),
    updated: t('orders.notes.updated'),
    edit: t('orders.notes.edit'),
    editLabel: t('orders.notes.editLabel'),
    update: t('orders.notes.update'),
    cancel: t('orders.notes.cancel'),
    errors: {
      required: t('orders.notes.required'),
      too_long: t('orders.notes.tooLong'),
      invalid: t('orders.notes.required'),
    },
  };
  const channelKind = channels.find((c) => c.code === order.channelCode)?.kind;
  const money = (cents: number) => formatMoney(cents, order.currency);
  const status = order.status;

  return (
    <>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link
          href="/orders"
          className="inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground"
        >
          <Icon node={ArrowLeft} aria-hidden className="size-4" />
          {t('orders.detail.back')}
        </Link>
        <div className="flex gap-2">
          <a
            data-slot="button"
            href={`/orders/${order.id}/print`}
            target="_blank"
            rel="noopener"
            className={clsx(buttonVariants({ variant: 'ghost', size: 'sm' }))}
          >
            <Icon node={Printer} aria-hidden />
            {t('orders.print.order')}
          </a>
          <a
            data-slot="button"
            href={`/orders/packing-slips?ids=${order.id}`}
            target="_blank"
            rel="noopener"
            className={clsx(buttonVariants({ variant: 'ghost', size: 'sm' }))}
          >
            <Icon node={FileText} aria-hidden />
            {t('orders.print.packingSlip')}
          </a>
        </div>
      </div>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>{order.number}</span>
            <Badge variant={orderStatusVariant(status)} size="md">
              {t(`orders.status.${status}`)}
            </Badge>
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <ChannelBadge code={order.channelCode} name={order.channelName} kind={channelKind} />
            <span>
              {t('orders.detail.placedOn', { date: formatDateTime(order.placedAt, order.timeZone ?? undefined) })}
            </span>
            <span aria-hidden>·</span>
            <span className="max-w-[26rem] truncate font-mono text-xs" title={order.externalId}>
              {t('orders.detail.externalId', { externalId: order.externalId })}
            </span>
          </span>
        }
        action={
          <OrderActions
            orderId={order.id}
            number={order.number}
            currency={order.currency}
            allowed={allowed}
            lines={order.lines.map((l) => ({
              id: l.id,
              sku: l.sku,
              productName: l.productName,
              quantity: l.quantity,
              quantityTaken: l.quantityTaken,
              quantityReturned: l.quantityReturned,
            }))}
            returnLocations={returnLocations}
          />
        }
      />

      {order.status === 'cancelled' && order.cancelReason ? (
        <Alert tone="info" role={undefined} className="mb-6">
          {t('orders.detail.cancelReason', { reason: order.cancelReason })}
        </Alert>
      ) : null}

      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid content-start gap-4 sm:grid-cols-2 xl:order-2 xl:grid-cols-1">
          <CustomerCard order={order} canOpenProfile={can(ctx, 'customers.view')} />
          <PaymentCard order={order} />
          <FulfilmentCard order={order} />
          <Card>
            <CardHeader>
              <CardTitle>{t('orders.tags.title')}</CardTitle>
            </CardHeader>
            <CardContent className="text-sm">
              <OrderTags orderId={order.id} tags={order.tags} editable={annotate} />
            </CardContent>
          </Card>
        </div>

        <div className="min-w-0 space-y-8 xl:order-1">
          <section aria-labelledby="order-lines">
            <h2 id="order-lines" className="mb-3 text-[0.9375rem] font-semibold">
              {t('orders.detail.lines')}
            </h2>
            <Table label={t('orders.detail.linesLabel')}>
              <TableHeader>
                <TableRow hover={false}>
                  <TableHead>{t('orders.col.sku')}</TableHead>
                  <TableHead>{t('orders.col.product')}</TableHead>
                  <TableHead numeric>{t('orders.col.quantity')}</TableHead>
                  <TableHead numeric>{t('orders.col.returned')}</TableHead>
                  <TableHead numeric>{t('orders.col.unitPrice')}</TableHead>
                  <TableHead numeric>{t('orders.col.lineTotal')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {order.lines.map((line) => (
                  <TableRow key={line.id}>
                    <TableCell className="whitespace-nowrap">
                      <Link
                        href={`/inventory/${line.variantId}`}
                        className="font-mono text-xs text-primary underline-offset-4 hover:underline"
                      >
                        {line.sku}
                      </Link>
                    </TableCell>
                    <TableCell className="min-w-48">{line.productName ?? t('orders.detail.productUnknown')}</TableCell>
                    <TableCell numeric>{formatNumber(line.quantity)}</TableCell>
                    <TableCell numeric className={line.quantityReturned ? undefined : 'text-muted-foreground'}>
                      {formatNumber(line.quantityReturned)}
                    </TableCell>
                    <TableCell numeric className="whitespace-nowrap">
                      {money(line.unitPriceCents)}
                    </TableCell>
                    <TableCell numeric className="whitespace-nowrap font-medium">
                      {money(line.unitPriceCents * line.quantity)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Totals order={order} money={money} />
          </section>

          <section aria-labelledby="order-reservations">
            <h2 id="order-reservations" className="text-[0.9375rem] font-semibold">
              {t('orders.reservations.title')}
            </h2>
            <p className="mb-3 mt-0.5 text-sm text-muted-foreground">{t('orders.reservations.description')}</p>
            {order.reservations.length === 0 ? (
              <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-5 text-center text-sm text-muted-foreground">
                {t('orders.reservations.empty')}
              </p>
            ) : (
              <Table label={t('orders.reservations.label')}>
                <TableHeader>
                  <TableRow hover={false}>
                    <TableHead>{t('orders.col.location')}</TableHead>
                    <TableHead>{t('orders.col.sku')}</TableHead>
                    <TableHead numeric>{t('orders.col.quantity')}</TableHead>
                    <TableHead>{t('orders.col.status')}</TableHead>
                    <TableHead>{t('orders.col.since')}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {order.reservations.map((r) => (
                    <TableRow key={r.id}>
                      <TableCell>
                        <span className="font-mono text-xs">{r.locationCode}</span>
                        <span className="ml-2 text-muted-foreground">
                          {locations.find((l) => l.code === r.locationCode)?.name}
                        </span>
                      </TableCell>
                      <TableCell className="font-mono text-xs">{r.sku}</TableCell>
                      <TableCell numeric>{formatNumber(r.quantity)}</TableCell>
                      <TableCell>
                        <Badge variant={RESERVATION_STATUS_VARIANT[r.status] ?? 'neutral'}>
                          {t(`orders.reservationStatus.${r.status}`)}
                        </Badge>
                      </TableCell>
                      <TableCell className="whitespace-nowrap tabular-nums text-muted-foreground">
                        {formatDateTime(r.createdAt, locations.find((l) => l.code === r.locationCode)?.timeZone)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>

          <section aria-labelledby="order-notes">
            <h2 id="order-notes" className="text-[0.9375rem] font-semibold">
              {t('orders.notes.title')}
            </h2>
            <p className="mb-3 mt-0.5 text-sm text-muted-foreground">{t('orders.notes.description')}</p>
            {annotate ? <NoteForm subject="order" subjectId={order.id} labels={noteLabels} /> : null}
            {order.notes.length === 0 ? (
              <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-5 text-center text-sm text-muted-foreground">
                {t('orders.notes.empty')}
              </p>
            ) : (
              <ul aria-label={t('orders.notes.listLabel')} className="grid gap-2">
                {order.notes.map((note) => (
                  <li key={note.id} className="rounded-lg border border-border bg-surface px-4 py-3 shadow-card">
                    {annotate && note.authorId === ctx.userId ? (
                      <EditableNote subject="order" noteId={note.id} body={note.body} labels={noteLabels} />
                    ) : (
                      <p className="whitespace-pre-wrap text-sm">{note.body}</p>
                    )}
                    <p className="mt-1.5 text-xs text-muted-foreground">
                      {t('orders.notes.by', {
                        author: note.authorName ?? t('orders.notes.unknownAuthor'),
                        date: formatDateTime(note.createdAt, order.timeZone ?? undefined),
                      })}
                      {note.editedAt ? ` · ${t('orders.notes.edited')}` : ''}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="order-timeline">
            <h2 id="order-timeline" className="mb-3 text-[0.9375rem] font-semibold">
              {t('orders.timeline.title')}
            </h2>
            <OrderTimeline order={order} locations={locations} />
          </section>
        </div>
      </div>
    </>
  );
}

async function Totals({ order, money }: { order: OrderDetail; money: (cents: number) => string }) {
  const { t } = await getI18n();
  const rows: [string, string, boolean?][] = [
    [t('orders.totals.subtotal'), money(order.subtotalCents)],
    ...(order.discountCents
      ? ([[t('orders.totals.discount'), `− ${money(order.discountCents)}`]] as [string, string][])
      : []),
    [t('orders.totals.shipping'), money(order.shippingCents)],
    [t('orders.totals.tax'), money(order.taxCents)],
    [t('orders.totals.total'), money(order.totalCents), true],
  ];
  return (
    <dl
      aria-label={t('orders.totals.title')}
      className="ml-auto mt-3 grid w-full max-w-xs grid-cols-[1fr_auto] gap-x-6 gap-y-1.5 text-sm"
    >
      {rows.map(([label, value, strong]) => (
        <div
          key={label}
          className={
            strong
              ? 'col-span-2 grid grid-cols-subgrid border-t border-border pt-2 font-semibold'
              : 'col-span-2 grid grid-cols-subgrid'
          }
        >
          <dt className={strong ? undefined : 'text-muted-foreground'}>{label}</dt>
          <dd className="text-right tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

async function CustomerCard({ order, canOpenProfile }: { order: OrderDetail; canOpenProfile: boolean }) {
  const { t } = await getI18n();
  const name = [order.customerFirstName, order.customerLastName].filter(Boolean).join(' ').trim();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('orders.customerCard.title')}</CardTitle>
      </CardHeader>
      <CardContent className="text-sm">
        {order.customerId ? (
          <div className="grid gap-1">
            {canOpenProfile ? (
              <Link
                href={`/customers/${order.customerId}`}
                className="font-medium text-primary underline-offset-4 hover:underline"
              >
                {name || t('orders.customerCard.unnamed')}
              </Link>
            ) : (
              <span className="font-medium">{name || t('orders.customerCard.unnamed')}</span>
            )}
            {order.customerEmail ? (
              <a
                href={`mailto:${order.customerEmail}`}
                className="break-all text-muted-foreground hover:text-foreground"
              >
                {order.customerEmail}
              </a>
            ) : null}
            {order.customerPhone ? (
              <a
                href={`tel:${order.customerPhone}`}
                className="tabular-nums text-muted-foreground hover:text-foreground"
              >
                {formatPhone(order.customerPhone)}
              </a>
            ) : null}
          </div>
        ) : (
          <p className="text-muted-foreground">{t('orders.customerCard.none')}</p>
        )}
      </CardContent>
    </Card>
  );
}

async function FulfilmentCard({ order }: { order: OrderDetail }) {
  const { t, formatDateTime } = await getI18n();
  const tz = order.timeZone ?? undefined;
  const type = order.fulfilmentType;
  const address = order.shippingAddress;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('orders.fulfilmentCard.title')}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <p className="font-medium">{t(`orders.fulfilmentType.${type}`)}</p>
        {type === 'ship' ? (
          <div>
            <p className="text-xs font-medium text-muted-foreground">{t('orders.fulfilmentCard.shipTo')}</p>
            {address ? (
              <PostalAddress address={address} />
            ) : (
              <p className="mt-1 text-muted-foreground">{t('orders.fulfilmentCard.noAddress')}</p>
            )}
          </div>
        ) : (
          <div>
            <p className="text-xs font-medium text-muted-foreground">
              {type === 'pickup' ? t('orders.fulfilmentCard.pickupAt') : t('orders.fulfilmentCard.soldAt')}
            </p>
            <p className="mt-1">
              {order.locationName} <span className="font-mono text-xs text-muted-foreground">{order.locationCode}</span>
            </p>
          </div>
        )}
        {order.pickup ? (
          <div className="grid gap-1.5 border-t border-border pt-3">
            <div className="flex items-center justify-between gap-2">
              <span className="text-xs font-medium text-muted-foreground">{t('orders.fulfilmentCard.pickup')}</span>
              <Badge variant={PICKUP_STATE_VARIANT[order.pickup.state] ?? 'neutral'}>
                {t(`orders.pickupState.${order.pickup.state}`)}
              </Badge>
            </div>
            {order.pickup.state === 'ready' && order.pickup.code ? (
              <div className="flex items-center justify-between gap-2">
                <span className="text-xs font-medium text-muted-foreground">{t('orders.fulfilmentCard.code')}</span>
                <span className="font-mono text-base font-semibold tracking-widest">{order.pickup.code}</span>
              </div>
            ) : null}
            {order.pickup.readyAt && order.pickup.state === 'ready' ? (
              <p className="text-muted-foreground">
                {t('orders.fulfilmentCard.readyAt', { date: formatDateTime(order.pickup.readyAt, tz) })}
              </p>
            ) : null}
            {order.pickup.dueBy && order.pickup.state === 'ready' ? (
              <p className="text-muted-foreground">
                {t('orders.fulfilmentCard.dueBy', { date: formatDateTime(order.pickup.dueBy, tz) })}
              </p>
            ) : null}
            {order.pickup.collectedAt ? (
              <p className="text-muted-foreground">
                {t('orders.fulfilmentCard.collectedAt', { date: formatDateTime(order.pickup.collectedAt, tz) })}
              </p>
            ) : null}
            <Link
              href={`/pickups/${order.pickup.id}`}
              className="text-primary underline-offset-4 hover:underline print:hidden"
            >
              {t('orders.fulfilmentCard.pickList')}
            </Link>
            <a
              href={`/track/${order.pickup.trackingToken}`}
              target="_blank"
              rel="noopener noreferrer"
              className="text-primary underline-offset-4 hover:underline print:hidden"
            >
              {t('orders.fulfilmentCard.trackingPage')}
              <span className="sr-only"> ({t('orders.fulfilmentCard.trackingPageHint')})</span>
            </a>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

const PAYMENT_VARIANT: Record<string, BadgeVariant> = {
  paid: 'done',
  partially_refunded: 'waiting',
  refunded: 'closed',
};

/** What the customer paid (the channel's total at checkout) and what Comptoir refunded, refund by refund. */
async function PaymentCard({ order }: { order: OrderDetail }) {
  const { t, formatMoney, formatDateTime } = await getI18n();
  const money = (cents: number) => formatMoney(cents, order.currency);
  const payment = paymentState(order, order.events);
  const rows: [string, string, boolean?][] = [
    [t('orders.payment.paid'), money(payment.paidCents)],
    [t('orders.payment.refunded'), payment.refundedCents ? `− ${money(payment.refundedCents)}` : money(0)],
    [t('orders.payment.net'), money(payment.netCents), true],
  ];
  return (
    <Card>
      <CardHeader layout="row" className="items-center justify-between">
        <CardTitle>{t('orders.payment.title')}</CardTitle>
        <Badge variant={PAYMENT_VARIANT[payment.status]}>{t(`orders.payment.status.${payment.status}`)}</Badge>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <dl aria-label={t('orders.payment.title')} className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
          {rows.map(([label, value, strong]) => (
            <div
              key={label}
              className={
                strong
                  ? 'col-span-2 grid grid-cols-subgrid border-t border-border pt-1.5 font-semibold'
                  : 'col-span-2 grid grid-cols-subgrid'
              }
            >
              <dt className={strong ? undefined : 'text-muted-foreground'}>{label}</dt>
              <dd className="text-right tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        {payment.refunds.length ? (
          <div>
            <p className="text-xs font-medium text-muted-foreground">{t('orders.payment.refunds')}</p>
            <ul className="mt-1 grid gap-1">
              {payment.refunds.map((r, i) => (
                <li key={i} className="flex justify-between gap-3">
                  <span>
                    {t(`orders.payment.kind.${r.kind}`)}
                    <span className="block text-xs text-muted-foreground">
                      {formatDateTime(r.at, order.timeZone ?? undefined)}
                    </span>
                  </span>
                  <span className="tabular-nums">− {money(r.cents)}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="text-xs text-muted-foreground">{t('orders.payment.source')}</p>
      </CardContent>
    </Card>
  );
}
