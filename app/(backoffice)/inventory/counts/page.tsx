import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ClipboardList } from 'lucide';
import { COUNT_BADGE, countScopeLabel, countStatusLabel } from '@/components/inventory/labels';
import { Pager } from '@/components/ui/pager';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { getSessionContext, requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listCounts } from '@/lib/inventory/counts';
import { createdCursorParam } from '@/lib/inventory/list-params';

export async function generateMetadata(): Promise<Metadata> {
  const [ctx, { t }] = await Promise.all([getSessionContext(), getI18n()]);
  return can(ctx, 'inventory.counts.view') ? { title: t('inventory.counts.title') } : {};
}

/** Cycle counts the user may read (a manager's own locations, every location for the owner), newest first, by keyset pages (no count). */
export default async function CountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [ctx, { locale, t, formatNumber, formatDateTime }, sp] = await Promise.all([
    requirePage('inventory.counts.view'),
    getI18n(),
    searchParams,
  ]);
  // A forged cursor is dropped: the list then shows its first page, as the first.
  const before = createdCursorParam(sp.before);
  const { counts, next } = await listCounts(await getDb(), ctx, { before, locale });
  const canCount = can(ctx, 'inventory.adjust');
  const startButton = canCount ? (
    <ButtonLink href="/inventory/counts/new">
      <Icon node={ClipboardList} aria-hidden />
      {t('inventory.counts.start')}
    </ButtonLink>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('inventory.counts.title')}
        description={t('inventory.counts.description')}
        action={startButton}
      />
      {counts.length === 0 && !before ? (
        <EmptyState
          icon={<Icon node={ClipboardList} />}
          title={t('inventory.counts.empty')}
          description={t('inventory.counts.emptyDescription')}
          action={startButton}
        />
      ) : (
        <Table label={t('inventory.counts.label')}>
          <TableHeader>
            <TableRow hover={false}>
              <TableHead>{t('inventory.counts.col.number')}</TableHead>
              <TableHead>{t('inventory.col.status')}</TableHead>
              <TableHead>{t('inventory.col.location')}</TableHead>
              <TableHead>{t('inventory.counts.col.scope')}</TableHead>
              <TableHead numeric>{t('inventory.counts.col.lines')}</TableHead>
              <TableHead>{t('inventory.counts.col.created')}</TableHead>
              <TableHead>{t('inventory.counts.col.closed')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {counts.map((c) => (
              <TableRow key={c.id}>
                <TableCell className="whitespace-nowrap">
                  <Link
                    href={`/inventory/counts/${c.id}`}
                    className="font-mono text-[0.8125rem] font-medium text-primary hover:underline"
                  >
                    {c.number}
                  </Link>
                </TableCell>
                <TableCell>
                  <Badge variant={COUNT_BADGE[c.status] ?? 'neutral'}>{countStatusLabel(t, c.status)}</Badge>
                </TableCell>
                <TableCell>{c.locationName}</TableCell>
                <TableCell>{countScopeLabel(t, c.scope)}</TableCell>
                <TableCell numeric>{formatNumber(c.lines)}</TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  {formatDateTime(c.createdAt, c.timeZone)}
                </TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  {c.closedAt ? formatDateTime(c.closedAt, c.timeZone) : '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pager
        label={t('inventory.counts.pages')}
        back="first"
        previous={{ href: before ? '/inventory/counts' : null, label: t('inventory.counts.newest') }}
        next={{ href: next ? `/inventory/counts?before=${next}` : null, label: t('inventory.counts.older') }}
      />
    </>
  );
}
