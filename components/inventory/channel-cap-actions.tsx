'use client';

import { useWatch } from 'react-hook-form';
import { Gauge, X } from 'lucide-react';
import { reportResult } from '@/components/action-result';
import { lazySchemaResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { MAX_UNITS } from '@/lib/inventory/constants';
import type { ZSetChannelCapInput } from '@/lib/inventory/schemas';
import { setChannelCapAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import { QuantityInput } from './form-fields';
import { parseQuantity } from './lines';

type CapValues = { channelId: string; variantId: string; maxUnits: string };

const resolver = lazySchemaResolver<typeof ZSetChannelCapInput, CapValues>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZSetChannelCapInput),
);

type Props = {
  variantId: string;
  sku: string;
  channel: { id: string; name: string };
  /** The current cap, or null when the channel is not ring-fenced. */
  maxUnits: number | null;
  /** Units the channel's orders hold reserved of this SKU. */
  reserved: number;
};

/**
 * Set, change or remove (after a confirmation) one channel's cap on one SKU. Offered to owners
 * only; the server checks the right again.
 */
export function ChannelCapActions(props: Props) {
  const { t } = useI18n();
  const { variantId, sku, channel, maxUnits } = props;
  return (
    <div className="flex items-center justify-end gap-2">
      <CapDialog {...props} />
      {maxUnits !== null ? (
        <ConfirmDialog
          destructive
          trigger={
            <Button
              variant="secondary"
              size="sm"
              aria-label={t('inventory.channels.removeFor', { channel: channel.name })}
            >
              <X aria-hidden />
              {t('inventory.channels.remove')}
            </Button>
          }
          title={t('inventory.channels.removeTitle', { channel: channel.name })}
          description={t('inventory.channels.removeDescription', { channel: channel.name, sku })}
          confirmLabel={t('inventory.channels.remove')}
          cancelLabel={t('inventory.channels.keep')}
          onConfirm={async () => {
            const result = await setChannelCapAction({ channelId: channel.id, variantId, maxUnits: null });
            reportResult(t, result, t('inventory.channels.removed', { channel: channel.name, sku }));
          }}
        />
      ) : null}
    </div>
  );
}

function CapDialog({ variantId, sku, channel, maxUnits, reserved }: Props) {
  const { t, formatNumber } = useI18n();
  const dialog = useActionDialog({
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

  const editing = maxUnits !== null;
  return (
    <ActionDialog
      dialog={dialog}
      trigger={
        <Button
          variant="secondary"
          size="sm"
          aria-label={
            editing
              ? t('inventory.channels.changeFor', { channel: channel.name })
              : t('inventory.channels.setFor', { channel: channel.name })
          }
        >
          <Gauge aria-hidden />
          {editing ? t('inventory.channels.change') : t('inventory.channels.set')}
        </Button>
      }
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
        hintClassName="text-waiting"
      >
        {(props) => <QuantityInput {...props} autoFocus {...form.register('maxUnits')} />}
      </Field>
    </ActionDialog>
  );
}
