import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { ChevronLeft } from 'lucide-react';
import { z } from 'zod';
import { OnHandChart } from '@/components/charts/on-hand-chart';
import { AdjustDialog } from '@/components/inventory/adjust-dialog';
import { ChannelCapActions } from '@/components/inventory/channel-cap-actions';
import { buildOnHandSeries } from '@/components/inventory/history-series';
import {
  detailLabel,
  reasonLabel,
  TRANSFER_BADGE,
  transferStatusLabel,
  type TransferStatus,
} from '@/components/inventory/labels';
import { ProductThumb } from '@/components/inventory/product-thumb';
import { Delta } from '@/components/inventory/table-bits';
import { Pager } from '@/components/ui/pager';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { settle, valueForPage } from '@/lib/next/page-guard';
import { can, scopeOf } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listChannelLimits } from '@/lib/inventory/availability';
import { isLowStock } from '@/lib/inventory/rules';
import { listLocations } from '@/lib/inventory/queries/locations';
import {
  listLedger,
  listOpenReservations,
  onHandHistory,
  type LedgerEntry,
} from '@/lib/inventory/queries/sku-activity';
import { getSkuDetailForActor } from '@/lib/inventory/queries/sku-detail';
import { listTransfersForActor } from '@/lib/inventory/queries/transfers';

type Params = Promise<{ variantId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const ZBefore = z.coerce.number().int().positive().optional().catch(undefined);

/** One authorised read per request, shared by the title and the page (cost values only where allowed). */
const readSku = cache(async (id: string) => settle(async (actor) => getSkuDetailForActor(await getDb(), actor, id)));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const read = await readSku((await params).variantId);
  return read.ok ? { title: `${read.value.sku} · ${read.value.productName}` } : {};
}

export default async function SkuPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [ctx, i18n, { variantId }, sp] = await Promise.all([
    requirePage('inventory.view'),
    getI18n(),
    params,
    searchParams,
  ]);
  const { t, formatMoney, formatNumber, formatDateTime, formatDate } = i18n;
  // Missing or malformed → 404, before anything streams.
  const detail = valueForPage(await readSku(variantId));
  const before = ZBefore.parse(Array.isArray(sp.before) ? sp.before[0] : sp.before);
  const db = await getDb();
  // Stock levels of every location are visible to all staff; a manager's ledger, reservations
  // and transfers are those of their own locations (they carry counts, orders and transfers of
  // other stores, which are not theirs to see).
  const mine = scopeOf(ctx, 'inventory.transfers.view');
  const [ledger, history, reservations, { transfers }, locations, channelLimits] = await Promise.all([
    listLedger(db, variantId, { before, limit: 25, locationIds: mine }),
    onHandHistory(db, variantId, 90),
    listOpenReservations(db, variantId, { locationIds: scopeOf(ctx, 'orders.view') }),
    listTransfersForActor(db, ctx, { locationIds: null, variantId, limit: 20 }),
    listLocations(db),
    listChannelLimits(db, variantId),
  ]);
  const canCap = can(ctx, 'settings.manage');
  // The stock value column only for those who may see cost values; '—' where a location is not theirs.
  const showValue = detail.costCents !== null;

  const tzByCode = new Map(locations.map((l) => [l.code, l.timeZone]));
  const n = (v: number) => formatNumber(v);
  const totals = detail.levels.reduce(
    (acc, l) => ({
      onHand: acc.onHand + l.onHand,
      reserved: acc.reserved + l.reserved,
      available: acc.available + l.available,
    }),
    { onHand: 0, reserved: 0, available: 0 },
  );
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  const chart = buildOnHandSeries(history, detail.levels, today);
  const nameByCode = new Map(detail.levels.map((l) => [l.code, l.name]));

  return (
    <>
      <Link
        href="/inventory"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden className="size-4" />
        {t('inventory.sku.back')}
      </Link>
      <div className="mb-6 flex flex-wrap items-start gap-4">
        <ProductThumb name={detail.productName} size="lg" />
        <div className="min-w-0 flex-1">
          <h1 className="text-xl font-semibold tracking-tight">
            {detail.productName} <span className="font-normal text-muted-foreground">· {detail.title}</span>
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
            <span className="font-mono text-foreground">{detail.sku}</span>
            {detail.barcode ? <span className="font-mono">{detail.barcode}</span> : null}
            <span>{t('inventory.sku.brandCategory', { brand: detail.brand, category: detail.category })}</span>
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_auto]">
          <dt className="text-muted-foreground">{t('inventory.sku.price')}</dt>
          <dd className="text-right tabular-nums">{formatMoney(detail.priceCents, detail.currency)}</dd>
          {detail.costCents !== null ? (
            <>
              <dt className="text-muted-foreground">{t('inventory.sku.cost')}</dt>
              <dd className="text-right tabular-nums">{formatMoney(detail.costCents, detail.currency)}</dd>
            </>
          ) : null}
        </dl>
      </div>

      <section className="mb-6">
        <h2 className="mb-2 text-[0.9375rem] font-semibold">{t('inventory.sku.levels')}</h2>
        {detail.levels.length === 0 ? (
          <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-sm text-muted-foreground">
            {t('inventory.sku.levelsEmpty')}
          </p>
        ) : (
          <Table label={t('inventory.sku.levels')} containerClassName="max-h-none">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t('inventory.col.location')}</TableHead>
                <TableHead numeric>{t('inventory.col.onHand')}</TableHead>
                <TableHead numeric>{t('inventory.col.reserved')}</TableHead>
                <TableHead numeric>
                  <abbr title={t('inventory.col.safety')} className="no-underline">
                    {t('inventory.col.safetyShort')}
                  </abbr>
                </TableHead>
                <TableHead numeric>
                  <abbr title={t('inventory.col.reorderPoint')} className="no-underline">
                    {t('inventory.col.reorderShort')}
                  </abbr>
                </TableHead>
                <TableHead numeric>
                  <abbr title={t('inventory.availableHint')} className="no-underline">
                    {t('inventory.col.available')}
                  </abbr>
                </TableHead>
                {showValue ? <TableHead numeric>{t('inventory.sku.value')}</TableHead> : null}
                <TableHead className="w-px">
                  <span className="sr-only">{t('inventory.sku.adjust')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.levels.map((l) => {
                const low = isLowStock(l);
                return (
                  <TableRow key={l.locationId}>
                    <TableCell className="min-w-52">
                      <div className="font-medium">{l.name}</div>
                      <div className="mt-0.5 flex flex-wrap items-center gap-2">
                        <span className="font-mono text-xs text-muted-foreground">{l.code}</span>
                        {l.available === 0 ? (
                          <Badge variant="problem">{t('inventory.status.out')}</Badge>
                        ) : low ? (
                          <Badge variant="waiting">{t('inventory.badge.low')}</Badge>
                        ) : null}
                      </div>
                    </TableCell>
                    <TableCell numeric>{n(l.onHand)}</TableCell>
                    <TableCell numeric className="text-muted-foreground">
                      {n(l.reserved)}
                    </TableCell>
                    <TableCell numeric className="text-muted-foreground">
                      {n(l.safetyStock)}
                    </TableCell>
                    <TableCell numeric className="text-muted-foreground">
                      {n(l.reorderPoint)}
                    </TableCell>
                    <TableCell numeric className={l.available === 0 ? 'font-semibold text-problem' : 'font-semibold'}>
                      {n(l.available)}
                    </TableCell>
                    {showValue ? (
                      <TableCell numeric className="whitespace-nowrap text-muted-foreground">
                        {l.valueCents === null ? '—' : formatMoney(l.valueCents, detail.currency)}
                      </TableCell>
                    ) : null}
                    <TableCell className="whitespace-nowrap py-1.5 text-right">
                      {can(ctx, 'inventory.adjust', l.locationId) ? (
                        <AdjustDialog
                          variantId={detail.variantId}
                          sku={detail.sku}
                          location={{ id: l.locationId, code: l.code, name: l.name }}
                          onHand={l.onHand}
                          reserved={l.reserved}
                        />
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
            <TableFooter>
              <TableRow className="hover:bg-transparent">
                <TableCell>{t('inventory.col.total')}</TableCell>
                <TableCell numeric>{n(totals.onHand)}</TableCell>
                <TableCell numeric>{n(totals.reserved)}</TableCell>
                <TableCell />
                <TableCell />
                <TableCell numeric>{n(totals.available)}</TableCell>
                {showValue ? (
                  <TableCell numeric className="whitespace-nowrap">
                    {detail.totalValueCents === null ? '—' : formatMoney(detail.totalValueCents, detail.currency)}
                  </TableCell>
                ) : null}
                <TableCell />
              </TableRow>
            </TableFooter>
          </Table>
        )}
      </section>

      <section aria-labelledby="channels-heading" className="mb-6">
        <h2 id="channels-heading" className="text-[0.9375rem] font-semibold">
          {t('inventory.channels.title')}
        </h2>
        <p className="mb-2 mt-0.5 text-sm text-muted-foreground">{t('inventory.channels.description')}</p>
        {channelLimits.length === 0 ? (
          <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-sm text-muted-foreground">
            {t('inventory.channels.empty')}
          </p>
        ) : (
          <Table label={t('inventory.channels.label')} containerClassName="max-h-none">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t('inventory.channels.col.channel')}</TableHead>
                <TableHead numeric>{t('inventory.channels.col.limit')}</TableHead>
                <TableHead numeric>{t('inventory.channels.col.reserved')}</TableHead>
                {canCap ? (
                  <TableHead className="w-px">
                    <span className="sr-only">{t('inventory.channels.col.actions')}</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {channelLimits.map((c) => (
                <TableRow key={c.channelId}>
                  <TableCell className="min-w-52">
                    <div className="font-medium">{c.name}</div>
                    <div className="mt-0.5 flex flex-wrap items-center gap-2">
                      <span className="font-mono text-xs text-muted-foreground">{c.code}</span>
                      {c.maxUnits !== null && c.reserved >= c.maxUnits ? (
                        <Badge variant="waiting">{t('inventory.channels.reached')}</Badge>
                      ) : null}
                    </div>
                  </TableCell>
                  <TableCell
                    numeric
                    className={c.maxUnits === null ? 'whitespace-nowrap text-muted-foreground' : 'font-semibold'}
                  >
                    {c.maxUnits === null ? t('inventory.channels.noLimit') : n(c.maxUnits)}
                  </TableCell>
                  <TableCell numeric>{n(c.reserved)}</TableCell>
                  {canCap ? (
                    <TableCell className="whitespace-nowrap py-1.5 text-right">
                      <ChannelCapActions
                        variantId={detail.variantId}
                        sku={detail.sku}
                        channel={{ id: c.channelId, name: c.name }}
                        maxUnits={c.maxUnits}
                        reserved={c.reserved}
                      />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <Card className="mb-6">
        <CardHeader>
          <CardTitle>{t('inventory.sku.chart')}</CardTitle>
        </CardHeader>
        <CardContent>
          {chart.data.length === 0 ? (
            <p className="py-8 text-center text-sm text-muted-foreground">{t('inventory.sku.chartEmpty')}</p>
          ) : (
            <OnHandChart
              data={chart.data}
              series={chart.codes.map((code) => ({ key: code, name: code }))}
              label={t('inventory.sku.chartLabel', {
                from: formatDate(`${chart.data[0].day}T12:00:00Z`, 'UTC'),
                to: formatDate(`${chart.data[chart.data.length - 1].day}T12:00:00Z`, 'UTC'),
              })}
            />
          )}
        </CardContent>
      </Card>

      <div className="mb-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section aria-labelledby="reservations-heading">
          <h2 id="reservations-heading" className="mb-2 text-[0.9375rem] font-semibold">
            {t('inventory.sku.reservations')}
          </h2>
          {reservations.length === 0 ? (
            <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-sm text-muted-foreground">
              {t('inventory.sku.reservationsEmpty')}
            </p>
          ) : (
            <Table containerClassName="max-h-80">
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t('inventory.sku.order')}</TableHead>
                  <TableHead>{t('inventory.col.location')}</TableHead>
                  <TableHead numeric>{t('inventory.col.quantity')}</TableHead>
                  <TableHead>{t('inventory.sku.since')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {reservations.map((r) => (
                  <TableRow key={`${r.orderId}-${r.locationCode}`}>
                    <TableCell>
                      <Link
                        href={`/orders/${r.orderId}`}
                        className="font-mono text-[0.8125rem] text-primary hover:underline"
                      >
                        {r.orderNumber}
                      </Link>
                    </TableCell>
                    <TableCell className="font-mono text-xs">{r.locationCode}</TableCell>
                    <TableCell numeric>{n(r.quantity)}</TableCell>
                    <TableCell className="whitespace-nowrap text-muted-foreground">
                      {formatDateTime(r.createdAt, tzByCode.get(r.locationCode))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>

        <section aria-labelledby="transfers-heading">
          <h2 id="transfers-heading" className="mb-2 text-[0.9375rem] font-semibold">
            {t('inventory.sku.transfers')}
          </h2>
          {transfers.length === 0 ? (
            <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-sm text-muted-foreground">
              {t('inventory.sku.transfersEmpty')}
            </p>
          ) : (
            <Table containerClassName="max-h-80">
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t('inventory.transfers.col.number')}</TableHead>
                  <TableHead>{t('inventory.col.status')}</TableHead>
                  <TableHead>
                    {t('inventory.transfers.col.from')} → {t('inventory.transfers.col.to')}
                  </TableHead>
                  <TableHead numeric>{t('inventory.transfers.col.units')}</TableHead>
                  <TableHead>{t('inventory.transfers.col.created')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {transfers.map((tr) => (
                  <TableRow key={tr.id}>
                    <TableCell>
                      <Link
                        href={`/inventory/transfers/${tr.id}`}
                        className="font-mono text-[0.8125rem] text-primary hover:underline"
                      >
                        {tr.number}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <Badge variant={TRANSFER_BADGE[tr.status as TransferStatus] ?? 'neutral'}>
                        {transferStatusLabel(t, tr.status)}
                      </Badge>
                    </TableCell>
                    <TableCell className="whitespace-nowrap font-mono text-xs">
                      {tr.sourceCode} → {tr.destinationCode}
                    </TableCell>
                    <TableCell numeric>{n(tr.units)}</TableCell>
                    <TableCell className="whitespace-nowrap text-muted-foreground">
                      {formatDate(tr.createdAt)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      </div>

      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading" className="mb-2 text-[0.9375rem] font-semibold">
          {t('inventory.sku.ledger')}
        </h2>
        {ledger.entries.length === 0 ? (
          <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-sm text-muted-foreground">
            {t('inventory.sku.ledgerEmpty')}
          </p>
        ) : (
          <Table label={t('inventory.ledger.label')}>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t('inventory.ledger.time')}</TableHead>
                <TableHead>{t('inventory.col.location')}</TableHead>
                <TableHead numeric>{t('inventory.ledger.deltaOnHand')}</TableHead>
                <TableHead numeric>{t('inventory.ledger.deltaReserved')}</TableHead>
                <TableHead>{t('inventory.ledger.reason')}</TableHead>
                <TableHead>{t('inventory.ledger.reference')}</TableHead>
                <TableHead>{t('inventory.ledger.actor')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ledger.entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {formatDateTime(e.createdAt, tzByCode.get(e.locationCode))}
                  </TableCell>
                  <TableCell className="whitespace-nowrap font-mono text-xs" title={nameByCode.get(e.locationCode)}>
                    {e.locationCode}
                  </TableCell>
                  <TableCell numeric>
                    <Delta value={e.deltaOnHand} format={n} />
                  </TableCell>
                  <TableCell numeric>
                    <Delta value={e.deltaReserved} format={n} />
                  </TableCell>
                  <TableCell>
                    {reasonLabel(t, e.reason)}
                    {e.detail ? <span className="text-muted-foreground"> · {detailLabel(t, e.detail)}</span> : null}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <LedgerReference entry={e} t={t} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {e.actorName ?? <span className="text-muted-foreground">{t('inventory.ledger.system')}</span>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Pager
          label={t('inventory.sku.ledger')}
          back="first"
          previous={{ href: before ? `/inventory/${variantId}` : null, label: t('inventory.sku.newest') }}
          next={{
            href: ledger.nextBefore ? `/inventory/${variantId}?before=${ledger.nextBefore}` : null,
            label: t('inventory.sku.older'),
          }}
        />
      </section>
    </>
  );
}

function LedgerReference({ entry, t }: { entry: LedgerEntry; t: Awaited<ReturnType<typeof getI18n>>['t'] }) {
  const linkClass = 'font-mono text-[0.8125rem] text-primary hover:underline';
  const label = entry.referenceLabel ?? entry.referenceId;
  switch (entry.referenceType) {
    case 'order':
      return entry.referenceId ? (
        <Link href={`/orders/${entry.referenceId}`} className={linkClass}>
          {label}
        </Link>
      ) : null;
    case 'transfer':
      return entry.referenceId ? (
        <Link href={`/inventory/transfers/${entry.referenceId}`} className={linkClass}>
          {label}
        </Link>
      ) : null;
    case 'count':
      return entry.referenceId ? (
        <Link href={`/inventory/counts/${entry.referenceId}`} className={linkClass}>
          {label}
        </Link>
      ) : null;
    case 'receipt':
      return <span>{t('inventory.ledger.deliveryNote', { reference: entry.referenceId ?? '' })}</span>;
    case 'seed':
      return <span className="text-muted-foreground">{t('inventory.ledger.openingStock')}</span>;
    default:
      return <span className="text-muted-foreground">—</span>;
  }
}
