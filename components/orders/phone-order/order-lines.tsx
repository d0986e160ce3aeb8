'use client';

import type { KeyboardEvent } from 'react';
import { useFormState, useWatch, type UseFieldArrayReturn } from 'react-hook-form';
import type { UseQueryResult } from '@tanstack/react-query';
import { LoaderCircle, Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { SkuLookup } from '@/lib/inventory/queries/sku-detail';
import { useI18n } from '@/lib/next/i18n-client';
import { cn } from '@/lib/utils';
import { EMPTY_LINE, type PhoneOrderFormApi, type PhoneOrderValues, type StoreOption } from './use-phone-order-form';

/**
 * The items: each SKU typed or scanned is looked up (on blur or Enter) for its product, price
 * and stock — at the pickup store once one is chosen.
 */
export function OrderLines({
  form,
  lineArray,
  lookups,
  shortSkus,
  stores,
}: {
  form: PhoneOrderFormApi;
  lineArray: UseFieldArrayReturn<PhoneOrderValues, 'lines'>;
  lookups: UseQueryResult<SkuLookup | null>[];
  shortSkus: string[];
  stores: readonly StoreOption[];
}) {
  const { t, formatMoney } = useI18n();
  const { errors } = useFormState({ control: form.control, name: 'lines' });
  const lines = useWatch({ control: form.control, name: 'lines' });
  const fulfilment = useWatch({ control: form.control, name: 'fulfilment' });
  const store = fulfilment.type === 'pickup' ? stores.find((s) => s.code === fulfilment.locationCode) : undefined;
  const { fields, append, remove } = lineArray;

  function commitSku(i: number) {
    const sku = form.getValues(`lines.${i}.sku`).trim();
    if (sku !== form.getValues(`lines.${i}.code`)) form.setValue(`lines.${i}.code`, sku);
  }
  function onSkuKey(e: KeyboardEvent<HTMLInputElement>, i: number) {
    if (e.key !== 'Enter') return;
    // A scanner ends with Enter: look the code up instead of submitting the form.
    e.preventDefault();
    commitSku(i);
    form.setFocus(`lines.${i}.quantity`);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('orders.new.items')}</CardTitle>
        <CardDescription>{t('orders.new.itemsHint')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <ol className="grid gap-3">
          {fields.map((field, i) => {
            const line = lines[i] ?? EMPTY_LINE;
            const lookup = lookups[i];
            const info = lookup?.data;
            const qty = Number.parseInt(line.quantity, 10) || 0;
            const available = info
              ? store
                ? (info.levels.find((l) => l.code === store.code)?.available ?? 0)
                : info.available
              : null;
            const short = Boolean(info && ((available !== null && qty > available) || shortSkus.includes(info.sku)));
            const unknown = Boolean(line.code && lookup?.isSuccess && info === null);
            const lineErrors = errors.lines?.[i];
            const n = i + 1;
            const skuId = `${field.id}-sku`;
            const qtyId = `${field.id}-qty`;
            const infoId = `${field.id}-info`;
            const sku = form.register(`lines.${i}.sku`, { onBlur: () => commitSku(i) });
            return (
              <li
                key={field.id}
                aria-label={t('orders.new.lineLabel', { n })}
                className="grid grid-cols-[minmax(0,1fr)_5.5rem_auto] items-start gap-x-3 gap-y-2 rounded-md border border-border p-3 md:grid-cols-[12rem_5.5rem_minmax(0,1fr)_auto]"
              >
                <div className="grid gap-1.5">
                  <Label htmlFor={skuId} className="text-xs text-muted-foreground">
                    {t('orders.new.sku')}
                  </Label>
                  <Input
                    id={skuId}
                    autoComplete="off"
                    spellCheck={false}
                    className="font-mono uppercase"
                    onKeyDown={(e) => onSkuKey(e, i)}
                    aria-invalid={lineErrors?.sku || unknown ? true : undefined}
                    aria-describedby={infoId}
                    {...sku}
                  />
                </div>
                <div className="grid gap-1.5">
                  <Label htmlFor={qtyId} className="text-xs text-muted-foreground">
                    {t('orders.new.quantity')}
                  </Label>
                  <Input
                    id={qtyId}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={1000}
                    step={1}
                    className="text-right tabular-nums"
                    aria-invalid={lineErrors?.quantity || short ? true : undefined}
                    aria-describedby={infoId}
                    {...form.register(`lines.${i}.quantity`)}
                  />
                </div>
                <div id={infoId} aria-live="polite" className="col-span-3 min-h-9 text-sm md:col-span-1 md:pt-6">
                  {lookup?.isFetching ? (
                    <span className="inline-flex items-center gap-1.5 text-muted-foreground">
                      <LoaderCircle aria-hidden className="size-3.5 animate-spin" />
                      {t('orders.new.looking')}
                    </span>
                  ) : unknown ? (
                    <span className="text-destructive">{t('orders.new.unknownSku')}</span>
                  ) : lookup?.isError ? (
                    <span className="text-destructive">{t('orders.new.lookupFailed')}</span>
                  ) : info ? (
                    <div className="grid gap-0.5">
                      <span className="truncate font-medium" title={`${info.productName} — ${info.title}`}>
                        {info.productName} — {info.title}
                      </span>
                      <span className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
                        <span className="tabular-nums">
                          {t('orders.new.each', { price: formatMoney(info.priceCents, info.currency) })}
                        </span>
                        <span className={cn('tabular-nums', short && 'font-medium text-waiting')}>
                          {store
                            ? t('orders.new.availableAt', { count: available ?? 0, location: store.code })
                            : t('orders.new.available', { count: info.available })}
                          {short ? ` — ${t('orders.new.notEnough')}` : null}
                        </span>
                      </span>
                    </div>
                  ) : lineErrors?.sku || lineErrors?.quantity ? (
                    <span className="text-destructive">{t('orders.new.fieldInvalid')}</span>
                  ) : null}
                </div>
                <div className="col-start-3 row-start-1 flex items-center gap-3 self-start pt-6 md:col-start-4">
                  {info && qty > 0 ? (
                    <span className="whitespace-nowrap text-right text-sm font-medium tabular-nums">
                      {formatMoney(info.priceCents * qty, info.currency)}
                    </span>
                  ) : null}
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t('orders.new.removeLine', { n })}
                    disabled={fields.length === 1}
                    onClick={() => remove(i)}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        {errors.lines?.root ? (
          <p role="alert" className="text-sm text-destructive">
            {t('orders.new.noLines')}
          </p>
        ) : null}
        <div>
          {/* append() moves the focus to the new row's SKU. */}
          <Button variant="secondary" size="sm" onClick={() => append(EMPTY_LINE)}>
            <Plus aria-hidden />
            {t('orders.new.addLine')}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
