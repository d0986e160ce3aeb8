import { OnHandChart } from '@/components/charts/on-hand-chart';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { SkuView } from '@/lib/inventory/queries/sku-detail';
import { getI18n } from '@/lib/next/i18n';
import { installTimeZone, todayIn } from '@/lib/system/time-zone';
import { buildOnHandSeries } from '../history-series';

/** On hand per location over the days the ledger covers, carried forward to today. */
export async function OnHandHistory({
  history,
  levels,
}: {
  history: readonly { day: string; locationCode: string; onHand: number }[];
  levels: SkuView['levels'];
}) {
  const { t, formatDate } = await getI18n();
  // The chart adds up every location: its days are the install's, as onHandHistory's are.
  const today = todayIn(installTimeZone());
  const chart = buildOnHandSeries(history, levels, today);
  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle>{t('inventory.sku.chart')}</CardTitle>
      </CardHeader>
      <CardContent>
        {chart.data.length === 0 ? (
          <p className="py-8 text-center text-sm text-muted-foreground">{t('inventory.sku.chartEmpty')}</p>
        ) : (
          <OnHandChart
            data={chart.data}
            series={chart.codes.map((code) => ({ key: code, name: code }))}
            label={t('inventory.sku.chartLabel', {
              from: formatDate(`${chart.data[0].day}T12:00:00Z`, 'UTC'),
              to: formatDate(`${chart.data[chart.data.length - 1].day}T12:00:00Z`, 'UTC'),
            })}
          />
        )}
      </CardContent>
    </Card>
  );
}
