'use client';

import { useWatch } from 'react-hook-form';
import { lazySchemaResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import { Field } from '@/components/ui/field';
import type { LazyDialogProps } from '@/components/ui/lazy-dialog';
import { MAX_UNITS } from '@/lib/inventory/constants';
import type { ZSetChannelCapInput } from '@/lib/inventory/schemas';
import { setChannelCapAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import type { ChannelCapProps } from './channel-cap-actions';
import { QuantityInput } from './form-fields';
import { parseQuantity } from './lines';

type CapValues = { channelId: string; variantId: string; maxUnits: string };

const resolver = lazySchemaResolver<typeof ZSetChannelCapInput, CapValues>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZSetChannelCapInput),
);

/**
 * Sets or changes one channel's cap on one SKU, loaded by ChannelCapActions when its button is about
 * to be used (react-hook-form and the form stay out of the SKU page's first load).
 */
export function CapDialog({
  variantId,
  sku,
  channel,
  maxUnits,
  reserved,
  trigger,
  defaultOpen,
}: ChannelCapProps & LazyDialogProps) {
  const { t, formatNumber } = useI18n();
  const dialog = useActionDialog({
    defaultOpen,
    resolver,
    values: (): CapValues => ({
      channelId: channel.id,
      variantId,
      maxUnits: maxUnits === null ? '' : String(maxUnits),
    }),
    action: setChannelCapAction,
    success: (_, input) => t('inventory.channels.saved', { channel: channel.name, maxUnits: input.maxUnits ?? 0, sku }),
  });
  const { form } = dialog;
  // What the limit does to the channel, said as it is typed: it is allowed, but worth knowing.
  const typed = parseQuantity(useWatch({ control: form.control, name: 'maxUnits' }));
  const warning =
    typed === null
      ? null
      : typed < reserved
        ? t('inventory.channels.belowReserved', { reserved })
        : typed === 0
          ? t('inventory.channels.zero')
          : null;

  return (
    <ActionDialog
      dialog={dialog}
      trigger={trigger}
      title={t('inventory.channels.dialogTitle', { channel: channel.name })}
      description={t('inventory.channels.dialogDescription', {
        channel: channel.name,
        sku,
        reserved: formatNumber(reserved),
      })}
      submitLabel={t('inventory.channels.save')}
      pendingLabel={t('inventory.channels.saving')}
    >
      <Field
        label={t('inventory.channels.maxUnits')}
        error={
          form.formState.errors.maxUnits ? t('inventory.channels.wholeNumber', { max: formatNumber(MAX_UNITS) }) : null
        }
        hint={warning}
        hintTone="waiting"
      >
        {(props) => <QuantityInput {...props} autoFocus {...form.register('maxUnits')} />}
      </Field>
    </ActionDialog>
  );
}
