import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { Icon } from '@/components/ui/icons';
import { ArrowLeft } from 'lucide';
import { DismissDuplicateDialog } from '@/components/customer-duplicates/dismiss-duplicate-dialog';
import { MergeDialog } from '@/components/customer-duplicates/merge-dialog';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { getDuplicate, type DuplicateSide } from '@/lib/customers/duplicates';
import { MERGE_FIELDS, type MergeField } from '@/lib/customers/schemas';
import { getI18n } from '@/lib/next/i18n';
import { requirePage } from '@/lib/next/session';
import { formatPhone } from '@/lib/customers/normalize';

type Params = Promise<{ id: string }>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('customerDuplicates.compareTitle') };
}

/** Two likely duplicates side by side, with the merge (a survivor, a value per field) and the dismissal. */
export default async function DuplicatePage({ params }: { params: Params }) {
  const [{ id }, ctx, { t, formatMoney, formatNumber, formatDate }, db] = await Promise.all([
    params,
    requirePage('customers.merge'),
    getI18n(),
    getDb(),
  ]);
  if (!UUID.test(id)) notFound();
  const d = await getDuplicate(db, ctx, id);
  if (!d) notFound();
  const name = (c: DuplicateSide) =>
    `${c.firstName} ${c.lastName}`.trim() || c.email || t('customerDuplicates.unnamed');
  const none = t('customerDuplicates.none');
  // A phone as people read it (both sides alike, so 'differs' still compares like with like).
  const value = (c: DuplicateSide, f: MergeField) => (f === 'phone' && c.phone ? formatPhone(c.phone) : (c[f] ?? ''));
  const rows: [string, (c: DuplicateSide) => string][] = [
    ...MERGE_FIELDS.map(
      (f) =>
        [t(`customerDuplicates.fields.${f}`), (c: DuplicateSide) => value(c, f) || none] as [
          string,
          (c: DuplicateSide) => string,
        ],
    ),
    [t('customerDuplicates.fields.city'), (c) => c.city ?? none],
    [t('customerDuplicates.fields.orders'), (c) => formatNumber(c.orderCount)],
    [t('customerDuplicates.fields.lifetimeValue'), (c) => formatMoney(c.lifetimeValueCents)],
    [t('customerDuplicates.fields.lastOrder'), (c) => (c.lastOrderAt ? formatDate(c.lastOrderAt) : none)],
    [t('customerDuplicates.fields.since'), (c) => formatDate(c.createdAt)],
    [
      t('customerDuplicates.fields.identities'),
      (c) =>
        c.identities
          .map(
            (i) => `${i.kind}${i.scope ? ` (${i.scope})` : ''}: ${i.kind === 'phone' ? formatPhone(i.value) : i.value}`,
          )
          .join(', ') || none,
    ],
  ];
  const side = (c: DuplicateSide) => ({
    id: c.id,
    label: `${name(c)}${c.email ? ` · ${c.email}` : ''}`,
    values: Object.fromEntries(MERGE_FIELDS.map((f) => [f, value(c, f)])) as Record<MergeField, string>,
  });
  const open = d.status === 'open';
  return (
    <>
      <Link
        href="/customers/duplicates"
        className="mb-3 inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground"
      >
        <Icon node={ArrowLeft} aria-hidden className="size-4" />
        {t('customerDuplicates.back')}
      </Link>
      <PageHeader
        title={t('customerDuplicates.compareTitle')}
        description={t('customerDuplicates.compareDescription')}
        action={
          open ? (
            <div className="flex flex-wrap gap-2">
              <MergeDialog
                a={side(d.a)}
                b={side(d.b)}
                fieldLabels={{
                  survivor: t('customerDuplicates.merge.survivor'),
                  keep: Object.fromEntries(
                    MERGE_FIELDS.map((f) => [
                      f,
                      t('customerDuplicates.merge.keep', { field: t(`customerDuplicates.fields.${f}`) }),
                    ]),
                  ) as Record<MergeField, string>,
                }}
                labels={{
                  trigger: t('customerDuplicates.merge.button'),
                  title: t('customerDuplicates.merge.title'),
                  description: t('customerDuplicates.merge.description'),
                  submit: t('customerDuplicates.merge.confirm'),
                  pending: t('customerDuplicates.merge.pending'),
                  done: t('customerDuplicates.merge.done'),
                }}
              />
              <DismissDuplicateDialog
                duplicateId={d.id}
                then="/customers/duplicates"
                labels={{
                  trigger: t('customerDuplicates.dismiss.button'),
                  title: t('customerDuplicates.dismiss.title'),
                  description: t('customerDuplicates.dismiss.description', { a: name(d.a), b: name(d.b) }),
                  submit: t('customerDuplicates.dismiss.confirm'),
                  pending: t('customerDuplicates.dismiss.pending'),
                  done: t('customerDuplicates.dismiss.done'),
                }}
              />
            </div>
          ) : (
            <Badge>{t(`customerDuplicates.status.${d.status}`)}</Badge>
          )
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">
          {t('customerDuplicates.columns.score')}: {formatNumber(d.score)}
        </span>
        {d.reasons.map((r) => (
          <Badge key={r} variant="info">
            {t(`customerDuplicates.reasons.${r}`)}
          </Badge>
        ))}
      </div>
      <Table aria-label={t('customerDuplicates.compareTitle')}>
        <TableHeader>
          <TableRow>
            <TableHead>
              <span className="sr-only">{t('customerDuplicates.columns.reasons')}</span>
            </TableHead>
            {[d.a, d.b].map((c) => (
              <TableHead key={c.id}>
                <Link href={`/customers/${c.id}`} className="underline-offset-2 hover:underline">
                  {name(c)}
                </Link>
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(([label, read]) => {
            const [x, y] = [read(d.a), read(d.b)];
            return (
              <TableRow key={label}>
                <TableHead scope="row">{label}</TableHead>
                {[x, y].map((v, i) => (
                  <TableCell key={i} className={x !== y ? 'font-medium break-all' : 'break-all text-muted-foreground'}>
                    {v}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
