'use client';

import { useId, useState, type FormEvent } from 'react';
import { Gauge, X } from 'lucide-react';
import { setChannelCapAction } from '@/lib/next/actions/inventory';
import { actionErrorMessage, reportResult } from '@/components/action-result';
import { ActionDialog, useActionForm } from '@/components/ui/action-dialog';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { toast } from 'sonner';
import { useI18n } from '@/lib/next/i18n-client';

const MAX_UNITS = 1_000_000;

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
  const id = useId();
  const [value, setValue] = useState('');
  const form = useActionForm(() => setValue(maxUnits === null ? '' : String(maxUnits)));

  const trimmed = value.trim();
  const parsed = /^\d+$/.test(trimmed) && Number(trimmed) <= MAX_UNITS ? Number(trimmed) : null;
  const warning =
    parsed === null
      ? null
      : parsed < reserved
        ? t('inventory.channels.belowReserved', { reserved })
        : parsed === 0
          ? t('inventory.channels.zero')
          : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (parsed === null) {
      form.setError(t('inventory.channels.wholeNumber', { max: formatNumber(MAX_UNITS) }));
      return;
    }
    form.setError(null);
    form.run(async () => {
      const result = await setChannelCapAction({ channelId: channel.id, variantId, maxUnits: parsed });
      if (!result.ok) {
        form.setError(actionErrorMessage(t, result));
        return;
      }
      form.close();
      toast.success(t('inventory.channels.saved', { channel: channel.name, maxUnits: parsed, sku }));
    });
  }

  const editing = maxUnits !== null;
  return (
    <ActionDialog
      form={form}
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
      noValidate
      onSubmit={onSubmit}
      submitLabel={t('inventory.channels.save')}
      pendingLabel={t('inventory.channels.saving')}
    >
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-max`}>{t('inventory.channels.maxUnits')}</Label>
        <Input
          id={`${id}-max`}
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            form.setError(null);
          }}
          aria-invalid={form.error ? true : undefined}
          aria-describedby={`${id}-hint`}
          className="w-40 text-right tabular-nums"
          autoFocus
        />
        <p id={`${id}-hint`} className="min-h-5 text-xs text-waiting" aria-live="polite">
          {warning}
        </p>
      </div>
    </ActionDialog>
  );
}
