import type { TransferSummary } from '@/lib/inventory/queries/transfers';
import { getI18n } from '@/lib/next/i18n';
import { TransferTable } from '../transfer-table';
import { EmptyNote } from './empty-note';

/** The latest transfers carrying the SKU, each dated in its source's time zone. */
export async function SkuTransfers({
  transfers,
  timeZoneByCode,
}: {
  transfers: readonly TransferSummary[];
  timeZoneByCode: ReadonlyMap<string, string>;
}) {
  const i18n = await getI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="transfers-heading">
      <h2 id="transfers-heading" className="mb-2 text-[0.9375rem] font-semibold">
        {t('inventory.sku.transfers')}
      </h2>
      {transfers.length === 0 ? (
        <EmptyNote>{t('inventory.sku.transfersEmpty')}</EmptyNote>
      ) : (
        <TransferTable
          transfers={transfers}
          label={t('inventory.sku.transfersLabel')}
          timeZones={timeZoneByCode}
          i18n={i18n}
          brief
        />
      )}
    </section>
  );
}
