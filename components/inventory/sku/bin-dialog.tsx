'use client';

import { lazySchemaResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { LazyDialogProps } from '@/components/ui/lazy-dialog';
import { BIN_MAX } from '@/lib/inventory/constants';
import type { ZSetBinInput } from '@/lib/inventory/schemas';
import { setBinAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';

type BinValues = { variantId: string; locationId: string; bin: string };

const resolver = lazySchemaResolver<typeof ZSetBinInput, BinValues>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZSetBinInput),
);

/**
 * The bin dialog itself, loaded by BinDialog (stock-dialogs.tsx) when its button is about to be used.
 * Says where the SKU sits at one location ("A-12"): the pick lists and the pickup queue show it,
 * and the batch pick list walks the bins in order. A blank clears it.
 */
export function BinDialogForm({
  variantId,
  sku,
  location,
  bin,
  trigger,
  defaultOpen,
}: LazyDialogProps & {
  variantId: string;
  sku: string;
  location: { id: string; name: string };
  bin: string | null;
}) {
  const { t } = useI18n();
  const dialog = useActionDialog({
    defaultOpen,
    resolver,
    values: (): BinValues => ({ variantId, locationId: location.id, bin: bin ?? '' }),
    action: setBinAction,
    success: (result) =>
      result.bin === null
        ? t('inventory.bin.cleared', { location: location.name })
        : t('inventory.bin.saved', { location: location.name, bin: result.bin }),
  });
  return (
    <ActionDialog
      dialog={dialog}
      trigger={trigger}
      title={t('inventory.bin.title')}
      description={t('inventory.bin.description', { sku, location: location.name })}
      submitLabel={t('inventory.bin.submit')}
      pendingLabel={t('inventory.bin.saving')}
    >
      <Field
        label={t('inventory.bin.label')}
        hint={t('inventory.bin.hint')}
        error={dialog.form.formState.errors.bin ? t('inventory.bin.tooLong', { max: BIN_MAX }) : null}
      >
        {(props) => (
          <Input {...props} autoFocus maxLength={BIN_MAX} autoComplete="off" {...dialog.form.register('bin')} />
        )}
      </Field>
    </ActionDialog>
  );
}
