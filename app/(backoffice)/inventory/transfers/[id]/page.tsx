import type { Metadata } from 'next';
import { cache } from 'react';
import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ChevronLeft } from 'lucide';
import { TRANSFER_BADGE, transferStatusLabel } from '@/components/inventory/labels';
import { Delta } from '@/components/inventory/table-bits';
import { TransferActions, type RequestAnswer } from '@/components/inventory/transfer-actions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { settle, valueForPage } from '@/lib/next/page-guard';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { availableAtSource, getTransferForActor } from '@/lib/inventory/queries/transfers';
import { todayIn } from '@/lib/system/time-zone';

type Params = Promise<{ id: string }>;

/** One authorised read per request, shared by the title and the page: nothing is read past a refusal (locations by the names shown in the request's language). */
const readTransfer = cache(async (id: string) =>
  settle(async (actor) => {
    const [db, { locale }] = await Promise.all([getDb(), getI18n()]);
    return getTransferForActor(db, actor, id, locale);
  }),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const read = await readTransfer((await params).id);
  return read.ok ? { title: read.value.number } : {};
}

export default async function TransferPage({ params }: { params: Params }) {
  const [ctx, { t, formatNumber, formatDate, formatDateTime }, { id }] = await Promise.all([
    requirePage('inventory.transfers.view'),
    getI18n(),
    params,
  ]);
  // Missing or malformed → 404; a transfer involving none of a manager's locations → forbidden.
  const transfer = valueForPage(await readTransfer(id));

  const n = (v: number) => formatNumber(v);
  // A calendar day (needed by, expected) is stored without a zone and parsed as UTC midnight.
  const day = (d: string) => formatDate(d, 'UTC');
  const units = transfer.lines.reduce((a, l) => a + l.quantity, 0);
  const received = transfer.status === 'received';
  const receivedUnits = transfer.lines.reduce((a, l) => a + (l.quantityReceived ?? 0), 0);
  const partlyReceived = transfer.status === 'in_transit' && receivedUnits > 0;
  const requested = transfer.lines.some((l) => l.quantityRequested !== null);
  const atSource = can(ctx, 'inventory.transfer', transfer.source.id);
  const atDestination = can(ctx, 'inventory.transfer', transfer.destination.id);
  const canAnswer = transfer.status === 'requested' && atSource;
  const canWithdraw = transfer.status === 'requested' && atDestination && !atSource;
  const canShip = (transfer.status === 'draft' || transfer.status === 'accepted') && atSource;
  const canReceive = transfer.status === 'in_transit' && atDestination;
  const canCancel =
    (transfer.status === 'draft' ||
      transfer.status === 'accepted' ||
      (transfer.status === 'in_transit' && !partlyReceived)) &&
    atSource;
  const srcTz = transfer.source.timeZone;
  const dstTz = transfer.destination.timeZone;

  let answer: RequestAnswer | null = null;
  if (canAnswer) {
    const available = await availableAtSource(await getDb(), transfer);
    const today = todayIn(srcTz);
    answer = {
      lines: transfer.lines.map((l) => ({
        variantId: l.variantId,
        sku: l.sku,
        productName: l.productName,
        variantTitle: l.variantTitle,
        requested: l.quantityRequested ?? l.quantity,
        available: available.get(l.variantId) ?? 0,
      })),
      expectedOn: transfer.neededBy && transfer.neededBy >= today ? transfer.neededBy : today,
      today,
    };
  }

  const decider = transfer.decidedByName ?? '—';
  const events = [
    {
      key: 'created',
      at: transfer.createdAt,
      tz: requested ? dstTz : srcTz,
      label: transfer.createdByName
        ? requested
          ? t('inventory.transfers.event.requestedBy', { name: transfer.createdByName })
          : t('inventory.transfers.event.createdBy', { name: transfer.createdByName })
        : t('inventory.transfers.event.created'),
    },
    {
      key: 'decided',
      at: transfer.decidedAt,
      tz: srcTz,
      label:
        transfer.status === 'declined'
          ? t('inventory.transfers.event.declinedBy', { name: decider })
          : t('inventory.transfers.event.acceptedBy', { name: decider }),
    },
    { key: 'shipped', at: transfer.shippedAt, tz: srcTz, label: t('inventory.transfers.event.shipped') },
    { key: 'received', at: transfer.receivedAt, tz: dstTz, label: t('inventory.transfers.event.received') },
    { key: 'cancelled', at: transfer.cancelledAt, tz: srcTz, label: t('inventory.transfers.event.cancelled') },
  ].filter((e): e is typeof e & { at: Date } => e.at !== null);

  const expected = transfer.expectedOn ? day(transfer.expectedOn) : null;
  const status: { tone: 'warning' | 'info' | 'error'; text: string; detail?: string } | null =
    transfer.status === 'requested'
      ? {
          tone: 'warning',
          text: t('inventory.transfers.waitingAnswer', {
            location: transfer.destination.name,
            date: transfer.neededBy ? day(transfer.neededBy) : '—',
            source: transfer.source.name,
          }),
        }
      : transfer.status === 'accepted'
        ? {
            tone: 'info',
            text: t('inventory.transfers.acceptedInfo', {
              name: decider,
              location: transfer.destination.name,
              date: expected ?? '—',
            }),
            detail: transfer.decisionReason
              ? t('inventory.transfers.acceptedReduced', { reason: transfer.decisionReason })
              : undefined,
          }
        : transfer.status === 'declined'
          ? {
              tone: 'error',
              text: t('inventory.transfers.declinedInfo', { name: decider, reason: transfer.decisionReason ?? '—' }),
            }
          : transfer.status === 'draft'
            ? { tone: 'warning', text: t('inventory.transfers.waitingShip', { location: transfer.source.name }) }
            : transfer.status === 'in_transit'
              ? {
                  tone: 'info',
                  text: expected
                    ? t('inventory.transfers.inTransitExpected', {
                        location: transfer.destination.name,
                        date: expected,
                      })
                    : t('inventory.transfers.waitingReceive', { location: transfer.destination.name }),
                  detail: partlyReceived
                    ? t('inventory.transfers.partlyReceived', { received: receivedUnits, units })
                    : transfer.decisionReason
                      ? t('inventory.transfers.acceptedReduced', { reason: transfer.decisionReason })
                      : undefined,
                }
              : null;

  return (
    <>
      <Link
        href="/inventory/transfers"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <Icon node={ChevronLeft} aria-hidden className="size-4" />
        {t('inventory.transfers.title')}
      </Link>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-3 text-xl font-semibold tracking-tight">
            <span className="font-mono">{transfer.number}</span>
            <Badge variant={TRANSFER_BADGE[transfer.status]}>{transferStatusLabel(t, transfer.status)}</Badge>
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {t('inventory.transfers.route', {
              from: `${transfer.source.code} · ${transfer.source.name}`,
              to: `${transfer.destination.code} · ${transfer.destination.name}`,
            })}
          </p>
          {transfer.orderId && transfer.orderNumber ? (
            <p className="mt-1 text-sm">
              <Link href={`/orders/${transfer.orderId}`} className="text-primary hover:underline">
                {t('inventory.transfers.forOrder', { number: transfer.orderNumber })}
              </Link>
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2 print:hidden">
          <TransferActions
            transferId={transfer.id}
            number={transfer.number}
            units={units}
            source={transfer.source.name}
            destination={transfer.destination.name}
            lines={transfer.lines.map(({ variantId, sku, productName, variantTitle, quantity }) => ({
              variantId,
              sku,
              productName,
              variantTitle,
              quantity,
            }))}
            answer={answer}
            canWithdraw={canWithdraw}
            canShip={canShip}
            canReceive={canReceive}
            canCancel={canCancel}
            inTransit={transfer.status === 'in_transit'}
          />
        </div>
      </div>

      {status ? (
        <Alert tone={status.tone} role={undefined} className="mb-4">
          {status.text}
          {status.detail ? <span className="mt-1 block">{status.detail}</span> : null}
        </Alert>
      ) : null}

      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="lines-heading">
          <h2 id="lines-heading" className="mb-2 text-[0.9375rem] font-semibold">
            {t('inventory.transfers.lines')}
          </h2>
          <Table label={t('inventory.transfers.linesLabel')}>
            <TableHeader>
              <TableRow hover={false}>
                <TableHead>{t('inventory.col.product')}</TableHead>
                <TableHead>{t('inventory.col.sku')}</TableHead>
                {requested ? <TableHead numeric>{t('inventory.transfers.requestedQty')}</TableHead> : null}
                <TableHead numeric>{t('inventory.transfers.shippedQty')}</TableHead>
                {partlyReceived ? <TableHead numeric>{t('inventory.transfers.receivedQty')}</TableHead> : null}
                {received ? (
                  <>
                    <TableHead numeric>{t('inventory.transfers.receivedQty')}</TableHead>
                    <TableHead numeric>{t('inventory.transfers.difference')}</TableHead>
                  </>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {transfer.lines.map((l) => (
                <TableRow key={l.variantId}>
                  <TableCell>
                    <Link href={`/inventory/${l.variantId}`} className="font-medium hover:text-primary hover:underline">
                      {l.productName}
                    </Link>
                    <div className="text-xs text-muted-foreground">{l.variantTitle}</div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap font-mono text-[0.8125rem]">{l.sku}</TableCell>
                  {requested ? (
                    <TableCell numeric className="text-muted-foreground">
                      {l.quantityRequested === null ? '—' : n(l.quantityRequested)}
                    </TableCell>
                  ) : null}
                  <TableCell numeric>{n(l.quantity)}</TableCell>
                  {partlyReceived ? <TableCell numeric>{n(l.quantityReceived ?? 0)}</TableCell> : null}
                  {received ? (
                    <>
                      <TableCell numeric>{n(l.quantityReceived ?? l.quantity)}</TableCell>
                      <TableCell numeric>
                        <Delta value={(l.quantityReceived ?? l.quantity) - l.quantity} format={n} />
                      </TableCell>
                    </>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow hover={false}>
                <TableCell colSpan={2}>{t('inventory.col.total')}</TableCell>
                {requested ? (
                  <TableCell numeric className="text-muted-foreground">
                    {n(transfer.lines.reduce((a, l) => a + (l.quantityRequested ?? 0), 0))}
                  </TableCell>
                ) : null}
                <TableCell numeric>{n(units)}</TableCell>
                {partlyReceived ? <TableCell numeric>{n(receivedUnits)}</TableCell> : null}
                {received ? (
                  <>
                    <TableCell numeric>{n(receivedUnits)}</TableCell>
                    <TableCell numeric>
                      <Delta value={receivedUnits - units} format={n} />
                    </TableCell>
                  </>
                ) : null}
              </TableRow>
            </TableFooter>
          </Table>
        </section>

        <Card>
          <CardHeader>
            <CardTitle>{t('inventory.transfers.history')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-3">
              {events.map((e) => (
                <li key={e.key} className="flex gap-3 text-sm">
                  <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-primary" />
                  <div>
                    <div className="font-medium">{e.label}</div>
                    <div className="text-muted-foreground">{formatDateTime(e.at, e.tz)}</div>
                  </div>
                </li>
              ))}
            </ol>
            {transfer.note ? (
              <p className="mt-4 whitespace-pre-line border-t border-border pt-3 text-sm text-muted-foreground">
                {transfer.note}
              </p>
            ) : null}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
