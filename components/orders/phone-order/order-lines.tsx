'use client';

import { useFormState, useWatch, type UseFieldArrayReturn } from 'react-hook-form';
import type { UseQueryResult } from '@tanstack/react-query';
import { Icon } from '@/components/ui/icons';
import { LoaderCircle, Plus, Trash } from 'lucide';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { SkuLookup } from '@/lib/inventory/queries/sku-detail';
import { useI18n } from '@/lib/next/i18n-client';
import { clsx } from 'clsx';
import { SkuCombobox } from './sku-combobox';
import {
  EMPTY_LINE,
  fieldErrorText,
  type PhoneOrderFormApi,
  type PhoneOrderValues,
  type StoreOption,
} from './use-phone-order-form';

/**
 * The items: each found by product name, barcode or SKU (SkuCombobox), then looked up for its
 * product, options, price and stock — at the pickup store once one is chosen.
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
  /** A suggestion picked, or a code entered (a scanner ends with Enter): look it up, then the quantity. */
  function pick(i: number, sku?: string) {
    if (sku !== undefined) form.setValue(`lines.${i}.sku`, sku, { shouldValidate: form.formState.isSubmitted });
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
            return (
              <li
                key={field.id}
                aria-label={t('orders.new.lineLabel', { n })}
                className="grid grid-cols-[minmax(0,1fr)_5.5rem_auto] items-start gap-x-3 gap-y-2 rounded-md border border-border p-3"
              >
                <SkuCombobox
                  id={skuId}
                  text={line.sku}
                  field={form.register(`lines.${i}.sku`, {
                    onBlur: () => commitSku(i),
                    // Typing something else: the item looked up is no longer this line's.
                    onChange: (e: { target: { value: string } }) => {
                      const code = form.getValues(`lines.${i}.code`);
                      if (code && e.target.value.trim() !== code) form.setValue(`lines.${i}.code`, '');
                    },
                  })}
                  invalid={Boolean(lineErrors?.sku || unknown)}
                  describedBy={infoId}
                  onPick={(suggestion) => pick(i, suggestion.sku)}
                  onCode={() => pick(i)}
                />
                <div className="grid gap-1.5">
                  <Label htmlFor={qtyId} size="sm">
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
                <div id={infoId} aria-live="polite" className="col-span-3 min-h-5 text-sm">
                  {lookup?.isFetching ? (
                    <span className="inline-flex items-center gap-1.5 text-muted-foreground">
                      <Icon node={LoaderCircle} aria-hidden className="size-3.5 animate-spin" />
                      {t('orders.new.looking')}
                    </span>
                  ) : unknown ? (
                    <span className="text-destructive">{t('orders.new.unknownSku')}</span>
                  ) : lookup?.isError ? (
                    <span className="text-destructive">{t('orders.new.lookupFailed')}</span>
                  ) : info ? (
                    <div className="grid gap-0.5">
                      {/* The size and colour in full, wrapped: the agent reads them back to the customer. */}
                      <span className="break-words">
                        <span className="font-medium">{info.productName}</span> — {info.title}
                      </span>
                      <span className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
                        <span className="tabular-nums">
                          {t('orders.new.each', { price: formatMoney(info.priceCents, info.currency) })}
                        </span>
                        <span className={clsx('tabular-nums', short && 'font-medium text-waiting')}>
                          {store
                            ? t('orders.new.availableAt', { count: available ?? 0, location: store.code })
                            : t('orders.new.available', { count: info.available })}
                          {short ? ` — ${t('orders.new.notEnough')}` : null}
                        </span>
                      </span>
                    </div>
                  ) : null}
                  {lineErrors?.sku || lineErrors?.quantity ? (
                    <span className="block text-destructive">
                      {fieldErrorText(t, errors, `lines.${i}.${lineErrors.quantity ? 'quantity' : 'sku'}`)}
                    </span>
                  ) : null}
                </div>
                <div className="col-start-3 row-start-1 flex items-center gap-3 self-start pt-6">
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
                    <Icon node={Trash} aria-hidden />
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        {errors.lines?.root ? (
          <p role="alert" className="text-sm text-destructive">
            {fieldErrorText(t, errors, 'lines.root')}
          </p>
        ) : null}
        <div>
          {/* append() moves the focus to the new row's SKU. */}
          <Button variant="secondary" size="sm" onClick={() => append(EMPTY_LINE)}>
            <Icon node={Plus} aria-hidden />
            {t('orders.new.addLine')}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
