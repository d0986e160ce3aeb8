import { Link } from '@/components/ui/link';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { OpenReservation } from '@/lib/inventory/queries/sku-activity';
import { getI18n } from '@/lib/next/i18n';
import { EmptyNote } from './empty-note';

/** The orders holding the SKU, with where and since when (in the location's time zone). */
export async function OpenReservations({
  reservations,
  timeZoneByCode,
}: {
  reservations: readonly OpenReservation[];
  timeZoneByCode: ReadonlyMap<string, string>;
}) {
  const { t, formatNumber: n, formatDateTime } = await getI18n();
  return (
    <section aria-labelledby="reservations-heading">
      <h2 id="reservations-heading" className="mb-2 text-[0.9375rem] font-semibold">
        {t('inventory.sku.reservations')}
      </h2>
      {reservations.length === 0 ? (
        <EmptyNote>{t('inventory.sku.reservationsEmpty')}</EmptyNote>
      ) : (
        <Table>
          <TableHeader>
            <TableRow hover={false}>
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
                  {formatDateTime(r.createdAt, timeZoneByCode.get(r.locationCode))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
