import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { StockAlertDemand as Demand } from '@/lib/inventory/stock-alerts/queries';
import { getI18n } from '@/lib/next/i18n';
import { EmptyNote } from './empty-note';

/** Customers waiting to be told the SKU is available, per store and online: demand for replenishment. */
export async function StockAlertDemand({ demand }: { demand: readonly Demand[] }) {
  const { t, formatNumber: n } = await getI18n();
  return (
    <section aria-labelledby="stock-alerts-heading" className="mb-6">
      <h2 id="stock-alerts-heading" className="text-[0.9375rem] font-semibold">
        {t('inventory.stockAlerts.title')}
      </h2>
      <p className="mb-2 mt-0.5 text-sm text-muted-foreground">{t('inventory.stockAlerts.description')}</p>
      {demand.length === 0 ? (
        <EmptyNote>{t('inventory.stockAlerts.empty')}</EmptyNote>
      ) : (
        <Table label={t('inventory.stockAlerts.label')}>
          <TableHeader>
            <TableRow hover={false}>
              <TableHead>{t('inventory.stockAlerts.col.place')}</TableHead>
              <TableHead numeric>{t('inventory.stockAlerts.col.customers')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {demand.map((d) => (
              <TableRow key={d.code ?? 'online'}>
                <TableCell>{d.code ? `${d.name} (${d.code})` : t('inventory.stockAlerts.online')}</TableCell>
                <TableCell numeric>{n(d.customers)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
