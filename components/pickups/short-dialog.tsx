'use client';

import { Icon } from '@/components/ui/icons';
import { Scissors } from 'lucide';
import { lazySchemaResolver, mapResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { LazyDialogProps } from '@/components/ui/lazy-dialog';
import { NativeSelect } from '@/components/ui/select';
import { shortPickAction } from '@/lib/next/actions/picking';
import { useI18n } from '@/lib/next/i18n-client';
import type { ZShortPickInput } from '@/lib/pickups/schemas';
import type { PickLineView } from './pick-list';

/*
 * A pick line's "missing" dialog (how many units are missing and why), loaded by PickList when its
 * button is about to be used (components/ui/lazy-dialog.tsx), with react-hook-form and Radix's dialog.
 */

const shortResolver = lazySchemaResolver<typeof ZShortPickInput>(() =>
  import('@/lib/pickups/schemas').then((m) => m.ZShortPickInput),
);
type ShortValues = {
  pickupId: string;
  orderLineId: string;
  quantity: string;
  reason: 'not_found' | 'damaged';
  seen: number;
};

export function ShortDialog({
  pickupId,
  line,
  trigger,
  defaultOpen,
}: { pickupId: string; line: PickLineView } & LazyDialogProps) {
  const { t } = useI18n();
  const most = line.quantity - line.short;
  const dialog = useActionDialog({
    defaultOpen,
    resolver: mapResolver(shortResolver, (v: ShortValues) => ({
      ...v,
      quantity: v.quantity.trim() === '' ? Number.NaN : Number(v.quantity),
    })),
    values: (): ShortValues => ({
      pickupId,
      orderLineId: line.orderLineId,
      quantity: String(Math.max(1, most - line.picked)),
      reason: 'not_found',
      seen: line.short,
    }),
    action: shortPickAction,
    success: () => t('pickups.pick.shortDone'),
  });
  const { form } = dialog;
  const { errors } = form.formState;
  return (
    <ActionDialog
      dialog={dialog}
      pendingLabel={t('orders.actions.working')}
      trigger={trigger}
      title={t('pickups.pick.shortTitle', { sku: line.sku })}
      description={t('pickups.pick.shortDescription')}
      submitLabel={t('pickups.pick.shortSubmit')}
      submitIcon={<Icon node={Scissors} aria-hidden />}
      destructive
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('pickups.pick.shortQuantity')} error={errors.quantity ? t('errors.validation') : null}>
          {(props) => (
            <Input
              {...props}
              inputMode="numeric"
              className="text-right tabular-nums"
              max={most}
              {...form.register('quantity')}
            />
          )}
        </Field>
        <Field label={t('pickups.pick.shortReason')}>
          {(props) => (
            <NativeSelect {...props} {...form.register('reason')}>
              <option value="not_found">{t('pickups.pick.reason.not_found')}</option>
              <option value="damaged">{t('pickups.pick.reason.damaged')}</option>
            </NativeSelect>
          )}
        </Field>
      </div>
    </ActionDialog>
  );
}
