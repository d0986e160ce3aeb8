import { Link } from '@/components/ui/link';
import { Pager } from '@/components/ui/pager';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { I18n } from '@/lib/next/i18n';
import type { LedgerEntry } from '@/lib/inventory/queries/sku-activity';
import { getI18n } from '@/lib/next/i18n';
import { detailLabel, reasonLabel } from '../labels';
import { Delta } from '../table-bits';
import { EmptyNote } from './empty-note';

/** One page of the SKU's ledger, newest first, each entry linked to what caused it. */
export async function StockMovements({
  variantId,
  ledger,
  before,
  timeZoneByCode,
  nameByCode,
}: {
  variantId: string;
  ledger: { entries: readonly LedgerEntry[]; nextBefore: number | null };
  /** The page's cursor; undefined on the newest page. */
  before: number | undefined;
  timeZoneByCode: ReadonlyMap<string, string>;
  nameByCode: ReadonlyMap<string, string>;
}) {
  const { t, formatNumber: n, formatDateTime } = await getI18n();
  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading" className="mb-2 text-[0.9375rem] font-semibold">
        {t('inventory.sku.ledger')}
      </h2>
      {ledger.entries.length === 0 ? (
        <EmptyNote>{t('inventory.sku.ledgerEmpty')}</EmptyNote>
      ) : (
        <Table label={t('inventory.ledger.label')}>
          <TableHeader>
            <TableRow hover={false}>
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
                  {formatDateTime(e.createdAt, timeZoneByCode.get(e.locationCode))}
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
                  {e.note ? <p className="mt-0.5 max-w-80 text-[0.8125rem] text-muted-foreground">{e.note}</p> : null}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <LedgerReference entry={e} t={t} />
                </TableCell>
                <TableCell>
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
  );
}

function LedgerReference({ entry, t }: { entry: LedgerEntry; t: I18n['t'] }) {
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
    case 'adjustment':
      return entry.referenceId ? (
        <span>{t('inventory.ledger.document', { reference: entry.referenceId })}</span>
      ) : (
        <span className="text-muted-foreground">—</span>
      );
    case 'seed':
      return <span className="text-muted-foreground">{t('inventory.ledger.openingStock')}</span>;
    default:
      return <span className="text-muted-foreground">—</span>;
  }
}
