import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound, redirect } from 'next/navigation';
import { Icon } from '@/components/ui/icons';
import { ChevronLeft } from 'lucide';
import { z } from 'zod';
import { CountActions } from '@/components/inventory/count-actions';
import { CountEntry } from '@/components/inventory/count-entry';
import { COUNT_BADGE, countScopeLabel, countStatusLabel } from '@/components/inventory/labels';
import { Delta } from '@/components/inventory/table-bits';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { getSessionContext, requirePage } from '@/lib/next/session';
import { isDomainError } from '@/lib/errors';
import { getI18n } from '@/lib/next/i18n';
import type { Locale } from '@/lib/i18n/config';
import { findCountNumber, getCountReview, type CountReview } from '@/lib/inventory/counts';
import { clsx } from 'clsx';

type Params = Promise<{ id: string }>;

const FILTERS = ['all', 'counted', 'diff', 'pending'] as const;
type Filter = (typeof FILTERS)[number];
/** A whole-store count has thousands of lines: the page shows a slice, the filters find the rest. */
const MAX_ROWS = 500;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  // The title names the count only for someone who may read it: the permission first, then the row.
  const [ctx, { id }] = await Promise.all([getSessionContext(), params]);
  if (!ctx || !can(ctx, 'inventory.counts.view') || !z.uuid().safeParse(id).success) return {};
  const number = await findCountNumber(await getDb(), ctx, id);
  return number ? { title: number } : {};
}

/** The review, or why not: a missing count is a 404, another location's count the forbidden page. */
async function loadCount(
  ctx: Parameters<typeof getCountReview>[1],
  id: string,
  locale: Locale,
): Promise<CountReview | 'not_found' | 'forbidden'> {
  try {
    return await getCountReview(await getDb(), ctx, id, locale);
  } catch (error) {
    if (isDomainError(error) && (error.code === 'not_found' || error.code === 'forbidden')) return error.code;
    throw error;
  }
}

export default async function CountPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [ctx, { locale, t, formatNumber, formatMoney, formatDateTime }, { id }, sp] = await Promise.all([
    requirePage('inventory.counts.view'),
    getI18n(),
    params,
    searchParams,
  ]);
  if (!z.uuid().safeParse(id).success) notFound();
  const count = await loadCount(ctx, id, locale);
  if (count === 'not_found') notFound();
  if (count === 'forbidden') redirect('/forbidden');

  const n = (v: number) => formatNumber(v);
  const open = count.status === 'open';
  const editable = open && can(ctx, 'inventory.adjust', count.locationId);
  const lines = count.lines;
  const groups: Record<Filter, typeof lines> = {
    all: lines,
    counted: lines.filter((l) => l.counted !== null),
    diff: lines.filter((l) => l.difference !== null && l.difference !== 0),
    pending: lines.filter((l) => l.counted === null),
  };
  const askedFilter = Array.isArray(sp.show) ? sp.show[0] : sp.show;
  // Once something is counted, what was counted is what matters first.
  const filter: Filter = FILTERS.includes(askedFilter as Filter)
    ? (askedFilter as Filter)
    : groups.counted.length > 0
      ? 'counted'
      : 'all';
  const shown = groups[filter].slice(0, MAX_ROWS);
  const netValue = count.netValueCents === null ? null : formatMoney(count.netValueCents);

  return (
    <>
      <Link
        href="/inventory/counts"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <Icon node={ChevronLeft} aria-hidden className="size-4" />
        {t('inventory.counts.title')}
      </Link>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-3 text-xl font-semibold tracking-tight">
            <span className="font-mono">{count.number}</span>
            <Badge variant={COUNT_BADGE[count.status]}>{countStatusLabel(t, count.status)}</Badge>
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {t('inventory.counts.summary', {
              location: count.locationName,
              scope: countScopeLabel(t, count.scope),
              date: formatDateTime(count.createdAt, count.timeZone),
            })}
          </p>
        </div>
        {editable ? (
          <div className="flex shrink-0 flex-wrap items-center gap-2 print:hidden">
            <CountActions
              countId={count.id}
              number={count.number}
              location={count.locationName}
              changed={count.changed}
              netValue={netValue}
            />
          </div>
        ) : null}
      </div>

      {!open ? (
        <Alert tone="info" role={undefined} className="mb-4">
          {t('inventory.counts.closed', { status: countStatusLabel(t, count.status).toLowerCase() })}
        </Alert>
      ) : null}

      <dl className={clsx('mb-6 grid gap-3', netValue !== null ? 'sm:grid-cols-3' : 'sm:grid-cols-2')}>
        <Stat
          label={t('inventory.counts.stats.counted')}
          value={t('inventory.counts.stats.countedValue', { counted: n(count.counted), lines: n(lines.length) })}
        />
        <Stat
          label={t(count.status === 'applied' ? 'inventory.counts.stats.booked' : 'inventory.counts.stats.changed')}
          value={n(count.changed)}
        />
        {netValue !== null ? (
          <Stat
            label={t('inventory.counts.stats.value')}
            value={netValue}
            tone={
              (count.netValueCents ?? 0) < 0 ? 'text-problem' : (count.netValueCents ?? 0) > 0 ? 'text-done' : undefined
            }
          />
        ) : null}
      </dl>

      {editable ? (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle>{t('inventory.counts.entry')}</CardTitle>
          </CardHeader>
          <CardContent>
            <CountEntry countId={count.id} />
          </CardContent>
        </Card>
      ) : null}

      <section aria-labelledby="review-heading">
        <h2 id="review-heading" className="mb-2 text-[0.9375rem] font-semibold">
          {t('inventory.counts.review')}
        </h2>
        <p className="mb-3 max-w-3xl text-sm text-muted-foreground">
          {t(
            count.status === 'applied'
              ? 'inventory.counts.reviewHintApplied'
              : open
                ? 'inventory.counts.reviewHint'
                : 'inventory.counts.reviewHintDiscarded',
          )}
        </p>
        <nav aria-label={t('inventory.counts.filter.label')} className="mb-3 flex flex-wrap gap-1.5">
          {FILTERS.map((f) => (
            <Link
              key={f}
              href={`/inventory/counts/${count.id}?show=${f}`}
              scroll={false}
              aria-current={f === filter ? 'page' : undefined}
              className={clsx(
                'inline-flex h-8 items-center rounded-full border px-3 text-[0.8125rem]',
                f === filter
                  ? 'border-primary bg-primary-soft font-medium text-primary'
                  : 'border-border bg-surface text-muted-foreground hover:text-foreground',
              )}
            >
              {t(`inventory.counts.filter.${f}`, { count: n(groups[f].length) })}
            </Link>
          ))}
        </nav>
        {shown.length === 0 ? (
          <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-sm text-muted-foreground">
            {t('inventory.counts.filterEmpty')}
          </p>
        ) : (
          <Table label={t('inventory.counts.reviewLabel')}>
            <TableHeader>
              <TableRow hover={false}>
                <TableHead>{t('inventory.col.sku')}</TableHead>
                <TableHead>{t('inventory.col.product')}</TableHead>
                <TableHead numeric>{t('inventory.counts.col.expected')}</TableHead>
                <TableHead numeric>{t('inventory.counts.col.counted')}</TableHead>
                <TableHead numeric>
                  {t(count.status === 'applied' ? 'inventory.counts.col.booked' : 'inventory.counts.col.difference')}
                </TableHead>
                {count.showCost ? <TableHead numeric>{t('inventory.counts.col.value')}</TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((l) => (
                <TableRow key={l.variantId} className={l.difference ? 'bg-waiting-soft/40' : undefined}>
                  <TableCell className="whitespace-nowrap font-mono text-[0.8125rem]">
                    <Link href={`/inventory/${l.variantId}`} className="hover:text-primary hover:underline">
                      {l.sku}
                    </Link>
                  </TableCell>
                  <TableCell>{l.productName}</TableCell>
                  <TableCell numeric>
                    <span className="text-muted-foreground">{n(l.expected)}</span>
                    {l.onHandNow !== null ? (
                      <span className="block text-xs text-waiting">
                        {t('inventory.counts.movedSince', { onHand: n(l.onHandNow) })}
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell numeric>
                    {l.counted === null ? (
                      <span className="text-xs text-muted-foreground">{t('inventory.counts.notCounted')}</span>
                    ) : (
                      n(l.counted)
                    )}
                  </TableCell>
                  <TableCell numeric>
                    {l.difference === null ? '—' : <Delta value={l.difference} format={n} />}
                  </TableCell>
                  {count.showCost ? (
                    <TableCell
                      numeric
                      className={
                        (l.valueCents ?? 0) < 0
                          ? 'text-problem'
                          : (l.valueCents ?? 0) > 0
                            ? 'text-done'
                            : 'text-muted-foreground'
                      }
                    >
                      {l.valueCents === null ? '—' : formatMoney(l.valueCents)}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {groups[filter].length > MAX_ROWS ? (
          <p className="mt-2 text-xs text-muted-foreground">
            {t('inventory.counts.truncated', { shown: n(MAX_ROWS), total: n(groups[filter].length) })}
          </p>
        ) : null}
      </section>
    </>
  );
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <div className="rounded-lg border border-border bg-surface px-4 py-3 shadow-card">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={clsx('mt-1 text-lg font-semibold tabular-nums', tone)}>{value}</dd>
    </div>
  );
}
