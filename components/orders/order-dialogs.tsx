'use client';

import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { PackageCheck } from 'lucide';
import { lazySchemaResolver, mapResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { LazyDialogProps } from '@/components/ui/lazy-dialog';
import { NativeSelect } from '@/components/ui/select';
import { cancelOrderAction, returnOrderAction, shipOrderAction } from '@/lib/next/actions/orders';
import { useI18n } from '@/lib/next/i18n-client';
import type { ZCancelOrderInput, ZReturnOrderInput, ZShipOrderInput } from '@/lib/orders/schemas';
import type { z } from 'zod';
import { returnableUnits } from '@/lib/orders/returnable';
import type { ActionLine, ReturnLocation } from './order-actions';
import { ReasonField } from './reason-field';

/*
 * The order's action dialogs (ship, cancel, return), loaded by OrderActions when their trigger is
 * about to be used (components/ui/lazy-dialog.tsx), with react-hook-form and Radix's dialog.
 */

// The actions' own schemas, loaded when a dialog opens rather than with the page.
const shipResolver = lazySchemaResolver<typeof ZShipOrderInput, { orderId: string; carrier: string; tracking: string }>(
  () => import('@/lib/orders/schemas').then((m) => m.ZShipOrderInput),
);
const cancelResolver = lazySchemaResolver<typeof ZCancelOrderInput, { orderId: string; reason: string }>(() =>
  import('@/lib/orders/schemas').then((m) => m.ZCancelOrderInput),
);
const returnResolver = lazySchemaResolver<typeof ZReturnOrderInput>(() =>
  import('@/lib/orders/schemas').then((m) => m.ZReturnOrderInput),
);

export function ShipDialog({
  orderId,
  number,
  trigger,
  defaultOpen,
}: { orderId: string; number: string } & LazyDialogProps) {
  const { t } = useI18n();
  const dialog = useActionDialog({
    defaultOpen,
    resolver: shipResolver,
    values: () => ({ orderId, carrier: '', tracking: '' }),
    // Blank is no carrier, not an empty one.
    action: (input) =>
      shipOrderAction({ ...input, carrier: input.carrier || undefined, tracking: input.tracking || undefined }),
    success: () => t('orders.actions.shipped'),
  });
  const { form } = dialog;
  const { errors } = form.formState;
  return (
    <ActionDialog
      dialog={dialog}
      pendingLabel={t('orders.actions.working')}
      trigger={trigger}
      title={t('orders.actions.shipTitle', { number })}
      description={t('orders.actions.shipDescription')}
      submitLabel={t('orders.actions.shipSubmit')}
      submitIcon={<Icon node={PackageCheck} aria-hidden />}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('orders.actions.carrier')} error={errors.carrier ? t('errors.validation') : null}>
          {(props) => (
            <Input {...props} maxLength={50} autoComplete="off" placeholder="Colissimo" {...form.register('carrier')} />
          )}
        </Field>
        <Field label={t('orders.actions.tracking')} error={errors.tracking ? t('errors.validation') : null}>
          {(props) => (
            <Input {...props} maxLength={100} autoComplete="off" spellCheck={false} {...form.register('tracking')} />
          )}
        </Field>
      </div>
    </ActionDialog>
  );
}

export function CancelDialog({
  orderId,
  number,
  trigger,
  defaultOpen,
}: { orderId: string; number: string } & LazyDialogProps) {
  const { t } = useI18n();
  const dialog = useActionDialog({
    defaultOpen,
    resolver: cancelResolver,
    values: () => ({ orderId, reason: '' }),
    action: cancelOrderAction,
    success: () => t('orders.actions.cancelled'),
  });
  const { form } = dialog;
  return (
    <ActionDialog
      dialog={dialog}
      pendingLabel={t('orders.actions.working')}
      trigger={trigger}
      title={t('orders.actions.cancelTitle', { number })}
      description={t('orders.actions.cancelDescription')}
      cancelLabel={t('orders.actions.keep')}
      submitLabel={t('orders.actions.cancelSubmit')}
      destructive
    >
      <ReasonField
        invalid={Boolean(form.formState.errors.reason)}
        // Said as soon as the field is left, as the hint asks; the rest of the form at submit.
        {...form.register('reason', { onBlur: () => void form.trigger('reason') })}
      />
    </ActionDialog>
  );
}

/** The return as filled: a quantity (as typed) and a restock choice for every line with units that can come back. */
type ReturnValues = {
  orderId: string;
  locationId: string;
  reason: string;
  lines: { lineId: string; quantity: string; restock: boolean }[];
};

export function ReturnDialog({
  orderId,
  number,
  currency,
  lines,
  locations,
  trigger,
  defaultOpen,
}: LazyDialogProps & {
  orderId: string;
  number: string;
  currency: string;
  lines: readonly ActionLine[];
  locations: readonly ReturnLocation[];
}) {
  const { t, formatMoney } = useI18n();
  const open = lines.filter((l) => returnableUnits(l) > 0);
  // Restocking is offered only where this user may do it (the server checks 'orders.restock' again).
  const mayRestockAt = (locationId: string) => locations.find((l) => l.id === locationId)?.restock ?? false;

  /** The request: the lines with units to return (up to what is left of each), restocked only where allowed. */
  function toRequest(values: ReturnValues): z.input<typeof ZReturnOrderInput> {
    const restock = mayRestockAt(values.locationId);
    return {
      orderId: values.orderId,
      locationId: values.locationId,
      reason: values.reason,
      lines: values.lines.flatMap((row, i) => {
        const left = open[i] ? returnableUnits(open[i]) : 0;
        const quantity = Math.min(Number.parseInt(row.quantity, 10) || 0, left);
        return quantity > 0 ? [{ lineId: row.lineId, quantity, restock: restock && row.restock }] : [];
      }),
    };
  }

  const dialog = useActionDialog({
    defaultOpen,
    resolver: mapResolver(returnResolver, toRequest),
    values: (): ReturnValues => ({
      orderId,
      locationId: locations[0]?.id ?? '',
      reason: '',
      lines: open.map((l) => ({ lineId: l.id, quantity: '0', restock: true })),
    }),
    action: returnOrderAction,
    success: ({ units, cents }) => t('orders.actions.returned', { units, amount: formatMoney(cents, currency) }),
  });
  const { form } = dialog;
  const { errors } = form.formState;
  const mayRestock = mayRestockAt(useWatch({ control: form.control, name: 'locationId' }));
  const nothingId = useId();

  return (
    <ActionDialog
      dialog={dialog}
      pendingLabel={t('orders.actions.working')}
      trigger={trigger}
      title={t('orders.actions.returnTitle', { number })}
      description={t('orders.actions.returnDescription')}
      size="lg"
      submitLabel={t('orders.actions.returnSubmit')}
    >
      <Field label={t('orders.actions.returnStore')} className="sm:max-w-xs">
        {(props) => (
          <NativeSelect {...props} {...form.register('locationId')}>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">{t('orders.actions.returnQuantity')}</legend>
        <ul className="grid max-h-72 gap-2 overflow-y-auto">
          {open.map((l, i) => {
            const max = returnableUnits(l);
            return (
              <li
                key={l.id}
                className="grid grid-cols-[minmax(0,1fr)_auto_auto] items-center gap-3 rounded-md border border-border px-3 py-2"
              >
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium">{l.productName ?? l.sku}</p>
                  <p className="font-mono text-xs text-muted-foreground">{l.sku}</p>
                </div>
                <div className="flex items-center gap-1.5">
                  <Input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={max}
                    step={1}
                    aria-label={`${t('orders.actions.returnQuantity')} — ${l.sku}`}
                    aria-invalid={errors.lines ? true : undefined}
                    aria-describedby={errors.lines ? nothingId : undefined}
                    width="w-20"
                    className="text-right tabular-nums"
                    // Once submitted, a change says again whether any unit is chosen (an error of the whole list).
                    {...form.register(`lines.${i}.quantity`, { deps: 'lines' })}
                  />
                  <span className="whitespace-nowrap text-xs text-muted-foreground">
                    {t('orders.actions.returnOf', { max })}
                  </span>
                </div>
                {mayRestock ? (
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" className="size-4 accent-primary" {...form.register(`lines.${i}.restock`)} />
                    {t('orders.actions.restock')}
                  </label>
                ) : (
                  <span className="text-xs text-muted-foreground">{t('orders.actions.noRestock')}</span>
                )}
              </li>
            );
          })}
        </ul>
        {/* The schema wants at least one line: no unit was chosen. */}
        {errors.lines ? (
          <p id={nothingId} className="text-xs text-destructive">
            {t('orders.actions.returnNothing')}
          </p>
        ) : null}
      </fieldset>
      <ReasonField
        invalid={Boolean(errors.reason)}
        {...form.register('reason', { onBlur: () => void form.trigger('reason') })}
      />
    </ActionDialog>
  );
}
