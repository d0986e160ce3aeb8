import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ArrowLeft } from 'lucide';
import { DismissDuplicateDialog } from '@/components/customer-duplicates/dismiss-duplicate-dialog';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listDuplicates, type DuplicateSide } from '@/lib/customers/duplicates';
import { decodeRankedCursor } from '@/lib/http/cursor';
import { firstParam } from '@/lib/http/search-params';
import { getI18n } from '@/lib/next/i18n';
import { requirePage } from '@/lib/next/session';
import { formatPhone } from '@/lib/customers/normalize';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('customerDuplicates.title') };
}

/**
 * Likely duplicates, highest score first, each with its reasons, a comparison and a dismissal;
 * a page at a time (keyset: `?after=` is the cursor of the page's last row).
 */
export default async function DuplicatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [ctx, { t, formatNumber }, db, sp] = await Promise.all([
    requirePage('customers.merge'),
    getI18n(),
    getDb(),
    searchParams,
  ]);
  const after = decodeRankedCursor(firstParam(sp.after));
  const { items, total, next } = await listDuplicates(db, ctx, { after });
  const name = (c: DuplicateSide) =>
    `${c.firstName} ${c.lastName}`.trim() || c.email || t('customerDuplicates.unnamed');
  return (
    <>
      <Link
        href="/customers"
        className="mb-3 inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground"
      >
        <Icon node={ArrowLeft} aria-hidden className="size-4" />
        {t('customers.title')}
      </Link>
      <PageHeader title={t('customerDuplicates.title')} description={t('customerDuplicates.description')} />
      <p role="status" className="mb-3 text-sm text-muted-foreground">
        {t('customerDuplicates.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <EmptyState title={t('customerDuplicates.empty')} />
      ) : (
        <Table aria-label={t('customerDuplicates.tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHead numeric>{t('customerDuplicates.columns.score')}</TableHead>
              <TableHead>{t('customerDuplicates.columns.customers')}</TableHead>
              <TableHead>{t('customerDuplicates.columns.reasons')}</TableHead>
              <TableHead>{t('customerDuplicates.columns.actions')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((d) => (
              <TableRow key={d.id}>
                <TableCell numeric className="font-semibold">
                  {formatNumber(d.score)}
                </TableCell>
                <TableCell>
                  <div className="grid gap-1">
                    {[d.a, d.b].map((c) => (
                      <span key={c.id}>
                        <Link href={`/customers/${c.id}`} className="font-medium underline-offset-2 hover:underline">
                          {name(c)}
                        </Link>
                        <span className="text-muted-foreground">
                          {' · '}
                          {[c.email, c.phone && formatPhone(c.phone), c.city].filter(Boolean).join(' · ')}
                        </span>
                      </span>
                    ))}
                  </div>
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {d.reasons.map((r) => (
                      <Badge key={r} variant="info">
                        {t(`customerDuplicates.reasons.${r}`)}
                      </Badge>
                    ))}
                  </div>
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-2">
                    <Link
                      href={`/customers/duplicates/${d.id}`}
                      className="inline-flex h-8 items-center rounded-md bg-primary px-3 text-sm font-medium text-primary-foreground hover:bg-primary/90"
                      aria-label={`${t('customerDuplicates.compare')}: ${name(d.a)} / ${name(d.b)}`}
                    >
                      {t('customerDuplicates.compare')}
                    </Link>
                    <DismissDuplicateDialog
                      duplicateId={d.id}
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
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pager
        label={t('customerDuplicates.pagination.label')}
        back="first"
        previous={{ href: after ? '/customers/duplicates' : null, label: t('customerDuplicates.pagination.first') }}
        next={{
          href: next ? `/customers/duplicates?${new URLSearchParams({ after: next })}` : null,
          label: t('customerDuplicates.pagination.next'),
        }}
      />
    </>
  );
}
