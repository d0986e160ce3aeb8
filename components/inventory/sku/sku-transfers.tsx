import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { TransferSummary } from '@/lib/inventory/queries/transfers';
import { getI18n } from '@/lib/next/i18n';
import { TRANSFER_BADGE, transferStatusLabel, type TransferStatus } from '../labels';
import { EmptyNote } from './empty-note';

/** The latest transfers carrying the SKU, each dated in its source's time zone. */
export async function SkuTransfers({
  transfers,
  timeZoneByCode,
}: {
  transfers: readonly TransferSummary[];
  timeZoneByCode: ReadonlyMap<string, string>;
}) {
  const { t, formatNumber: n, formatDate } = await getI18n();
  return (
    <section aria-labelledby="transfers-heading">
      <h2 id="transfers-heading" className="mb-2 text-[0.9375rem] font-semibold">
        {t('inventory.sku.transfers')}
      </h2>
      {transfers.length === 0 ? (
        <EmptyNote>{t('inventory.sku.transfersEmpty')}</EmptyNote>
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
                  {formatDate(tr.createdAt, timeZoneByCode.get(tr.sourceCode))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
