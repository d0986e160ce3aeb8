import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { ChevronLeft } from 'lucide-react';
import { TRANSFER_BADGE, transferStatusLabel } from '@/components/inventory/labels';
import { Delta } from '@/components/inventory/table-bits';
import { TransferActions } from '@/components/inventory/transfer-actions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { settle, valueForPage } from '@/lib/next/page-guard';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { getTransferForActor } from '@/lib/inventory/queries/transfers';

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
  const [ctx, { t, formatNumber, formatDateTime }, { id }] = await Promise.all([
    requirePage('inventory.transfers.view'),
    getI18n(),
    params,
  ]);
  // Missing or malformed → 404; a transfer involving none of a manager's locations → forbidden.
  const transfer = valueForPage(await readTransfer(id));

  const n = (v: number) => formatNumber(v);
  const units = transfer.lines.reduce((a, l) => a + l.quantity, 0);
  const received = transfer.status === 'received';
  const receivedUnits = transfer.lines.reduce((a, l) => a + (l.quantityReceived ?? 0), 0);
  const atSource = can(ctx, 'inventory.transfer', transfer.source.id);
  const atDestination = can(ctx, 'inventory.transfer', transfer.destination.id);
  const canShip = transfer.status === 'draft' && atSource;
  const canReceive = transfer.status === 'in_transit' && atDestination;
  const canCancel = (transfer.status === 'draft' || transfer.status === 'in_transit') && atSource;
  const srcTz = transfer.source.timeZone;
  const dstTz = transfer.destination.timeZone;

  const events = [
    {
      key: 'created',
      at: transfer.createdAt,
      tz: srcTz,
      label: transfer.createdByName
        ? t('inventory.transfers.event.createdBy', { name: transfer.createdByName })
        : t('inventory.transfers.event.created'),
    },
    { key: 'shipped', at: transfer.shippedAt, tz: srcTz, label: t('inventory.transfers.event.shipped') },
    { key: 'received', at: transfer.receivedAt, tz: dstTz, label: t('inventory.transfers.event.received') },
    { key: 'cancelled', at: transfer.cancelledAt, tz: srcTz, label: t('inventory.transfers.event.cancelled') },
  ].filter((e): e is typeof e & { at: Date } => e.at !== null);

  return (
    <>
      <Link
        href="/inventory/transfers"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden className="size-4" />
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
            canShip={canShip}
            canReceive={canReceive}
            canCancel={canCancel}
            inTransit={transfer.status === 'in_transit'}
          />
        </div>
      </div>

      {transfer.status === 'draft' ? (
        <Alert tone="warning" role={undefined} className="mb-4">
          {t('inventory.transfers.waitingShip', { location: transfer.source.name })}
        </Alert>
      ) : transfer.status === 'in_transit' ? (
        <Alert tone="info" role={undefined} className="mb-4">
          {t('inventory.transfers.waitingReceive', { location: transfer.destination.name })}
        </Alert>
      ) : null}

      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="lines-heading">
          <h2 id="lines-heading" className="mb-2 text-[0.9375rem] font-semibold">
            {t('inventory.transfers.lines')}
          </h2>
          <Table label={t('inventory.transfers.linesLabel')}>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t('inventory.col.product')}</TableHead>
                <TableHead>{t('inventory.col.sku')}</TableHead>
                <TableHead numeric>{t('inventory.transfers.shippedQty')}</TableHead>
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
                  <TableCell numeric>{n(l.quantity)}</TableCell>
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
              <TableRow className="hover:bg-transparent">
                <TableCell colSpan={2}>{t('inventory.col.total')}</TableCell>
                <TableCell numeric>{n(units)}</TableCell>
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
