import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getI18n } from '@/lib/next/i18n';
import type { SkuView } from '@/lib/inventory/queries/sku-detail';
import { isLowStock } from '@/lib/inventory/rules';
import { AdjustDialog, BinDialog } from './stock-dialogs';
import { EmptyNote } from './empty-note';

/**
 * The SKU's stock at every location with its totals; the value column when the viewer may see
 * cost values, and an adjust button where they may adjust.
 */
export async function StockLevels({
  detail,
  adjustableLocationIds,
}: {
  detail: SkuView;
  adjustableLocationIds: ReadonlySet<string>;
}) {
  const { t, formatMoney, formatNumber: n } = await getI18n();
  // The stock value column only for those who may see cost values; '—' where a location is not theirs.
  const showValue = detail.costCents !== null;
  const totals = detail.levels.reduce(
    (acc, l) => ({
      onHand: acc.onHand + l.onHand,
      reserved: acc.reserved + l.reserved,
      available: acc.available + l.available,
    }),
    { onHand: 0, reserved: 0, available: 0 },
  );
  return (
    <section className="mb-6">
      <h2 className="mb-2 text-[0.9375rem] font-semibold">{t('inventory.sku.levels')}</h2>
      {detail.levels.length === 0 ? (
        <EmptyNote>{t('inventory.sku.levelsEmpty')}</EmptyNote>
      ) : (
        <Table label={t('inventory.sku.levels')}>
          <TableHeader>
            <TableRow hover={false}>
              <TableHead>{t('inventory.col.location')}</TableHead>
              <TableHead numeric>{t('inventory.col.onHand')}</TableHead>
              <TableHead numeric>{t('inventory.col.reserved')}</TableHead>
              <TableHead numeric>
                <abbr title={t('inventory.col.safety')} className="no-underline">
                  {t('inventory.col.safetyShort')}
                </abbr>
              </TableHead>
              <TableHead numeric>
                <abbr title={t('inventory.col.reorderPoint')} className="no-underline">
                  {t('inventory.col.reorderShort')}
                </abbr>
              </TableHead>
              <TableHead numeric>
                <abbr title={t('inventory.availableHint')} className="no-underline">
                  {t('inventory.col.available')}
                </abbr>
              </TableHead>
              {showValue ? <TableHead numeric>{t('inventory.sku.value')}</TableHead> : null}
              <TableHead className="w-px">
                <span className="sr-only">{t('inventory.sku.adjust')}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.levels.map((l) => {
              const low = isLowStock(l);
              return (
                <TableRow key={l.locationId}>
                  <TableCell className="min-w-52">
                    <div className="font-medium">{l.name}</div>
                    <div className="mt-0.5 flex flex-wrap items-center gap-2">
                      <span className="font-mono text-xs text-muted-foreground">{l.code}</span>
                      {l.bin ? (
                        <span className="text-xs text-muted-foreground">
                          {t('inventory.bin.shown', { bin: l.bin })}
                        </span>
                      ) : null}
                      {l.available === 0 ? (
                        <Badge variant="problem">{t('inventory.status.out')}</Badge>
                      ) : low ? (
                        <Badge variant="waiting">{t('inventory.badge.low')}</Badge>
                      ) : null}
                    </div>
                  </TableCell>
                  <TableCell numeric>{n(l.onHand)}</TableCell>
                  <TableCell numeric className="text-muted-foreground">
                    {n(l.reserved)}
                  </TableCell>
                  <TableCell numeric className="text-muted-foreground">
                    {n(l.safetyStock)}
                  </TableCell>
                  <TableCell numeric className="text-muted-foreground">
                    {n(l.reorderPoint)}
                  </TableCell>
                  <TableCell numeric className={l.available === 0 ? 'font-semibold text-problem' : 'font-semibold'}>
                    {n(l.available)}
                  </TableCell>
                  {showValue ? (
                    <TableCell numeric className="whitespace-nowrap text-muted-foreground">
                      {l.valueCents === null ? '—' : formatMoney(l.valueCents, detail.currency)}
                    </TableCell>
                  ) : null}
                  <TableCell compact className="whitespace-nowrap text-right">
                    {adjustableLocationIds.has(l.locationId) ? (
                      <div className="flex justify-end gap-1">
                        <BinDialog
                          variantId={detail.variantId}
                          sku={detail.sku}
                          location={{ id: l.locationId, name: l.name }}
                          bin={l.bin}
                        />
                        <AdjustDialog
                          variantId={detail.variantId}
                          sku={detail.sku}
                          location={{ id: l.locationId, code: l.code, name: l.name }}
                          onHand={l.onHand}
                          reserved={l.reserved}
                        />
                      </div>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
          <TableFooter>
            <TableRow hover={false}>
              <TableCell>{t('inventory.col.total')}</TableCell>
              <TableCell numeric>{n(totals.onHand)}</TableCell>
              <TableCell numeric>{n(totals.reserved)}</TableCell>
              <TableCell />
              <TableCell />
              <TableCell numeric>{n(totals.available)}</TableCell>
              {showValue ? (
                <TableCell numeric className="whitespace-nowrap">
                  {detail.totalValueCents === null ? '—' : formatMoney(detail.totalValueCents, detail.currency)}
                </TableCell>
              ) : null}
              <TableCell />
            </TableRow>
          </TableFooter>
        </Table>
      )}
    </section>
  );
}
