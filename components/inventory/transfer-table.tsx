import { Link } from '@/components/ui/link';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { I18n } from '@/lib/next/i18n';
import type { TransferSummary } from '@/lib/inventory/queries/transfers';
import { TRANSFER_BADGE, transferStatusLabel, type TransferStatus } from './labels';

/**
 * A list of transfers: number, status, route, units and the latest step. Each time is shown in
 * the zone of the location where it happened: created and shipped at the source, received at the destination.
 * `brief`, for a short list beside other sections (the SKU page): the day each was created, without the latest step.
 */
export function TransferTable({
  transfers,
  label,
  timeZones,
  i18n,
  brief = false,
}: {
  transfers: readonly TransferSummary[];
  label: string;
  /** Location code → its time zone. */
  timeZones: ReadonlyMap<string, string>;
  i18n: Pick<I18n, 't' | 'formatNumber' | 'formatDate' | 'formatDateTime'>;
  brief?: boolean;
}) {
  const { t, formatNumber, formatDate, formatDateTime } = i18n;
  return (
    <Table label={label}>
      <TableHeader>
        <TableRow hover={false}>
          <TableHead>{t('inventory.transfers.col.number')}</TableHead>
          <TableHead>{t('inventory.col.status')}</TableHead>
          <TableHead>
            {t('inventory.transfers.col.from')} → {t('inventory.transfers.col.to')}
          </TableHead>
          <TableHead numeric>{t('inventory.transfers.col.units')}</TableHead>
          <TableHead>{t('inventory.transfers.col.created')}</TableHead>
          {brief ? null : <TableHead>{t('inventory.transfers.arrival')}</TableHead>}
          {brief ? null : <TableHead>{t('inventory.transfers.col.updated')}</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {transfers.map((tr) => {
          const last = tr.receivedAt ?? tr.shippedAt;
          const sourceZone = timeZones.get(tr.sourceCode);
          const lastZone = tr.receivedAt ? timeZones.get(tr.destinationCode) : sourceZone;
          return (
            <TableRow key={tr.id}>
              <TableCell className="whitespace-nowrap">
                <Link
                  href={`/inventory/transfers/${tr.id}`}
                  className="font-mono text-[0.8125rem] font-medium text-primary hover:underline"
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
              <TableCell numeric>{formatNumber(tr.units)}</TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                {brief ? formatDate(tr.createdAt, sourceZone) : formatDateTime(tr.createdAt, sourceZone)}
              </TableCell>
              {brief ? null : (
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  <Arrival transfer={tr} t={t} formatDate={formatDate} />
                </TableCell>
              )}
              {brief ? null : (
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  {last ? (
                    <>
                      <span className="block text-xs">
                        {tr.receivedAt
                          ? t('inventory.transfers.event.received')
                          : t('inventory.transfers.event.shipped')}
                      </span>
                      {formatDateTime(last, lastZone)}
                    </>
                  ) : (
                    '—'
                  )}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/**
 * When a request's stock should arrive: the day the source gave once it accepted, else the day
 * the store needs it by; nothing for a transfer nobody asked for. Days are calendar days (stored
 * without a zone), so they are formatted in UTC, where they were parsed.
 */
function Arrival({
  transfer,
  t,
  formatDate,
}: {
  transfer: TransferSummary;
  t: I18n['t'];
  formatDate: I18n['formatDate'];
}) {
  if (transfer.status === 'received' || transfer.status === 'cancelled' || transfer.status === 'declined') return '—';
  // Two short lines (what the day is, then the day) keep the table within a tablet's width.
  const [label, date] = transfer.expectedOn
    ? [t('inventory.transfers.expectedOn'), transfer.expectedOn]
    : transfer.neededBy
      ? [t('inventory.transfers.neededBy'), transfer.neededBy]
      : [null, null];
  if (!date) return '—';
  return (
    <>
      <span className="block text-xs">{label}</span>
      {formatDate(date, 'UTC')}
    </>
  );
}
