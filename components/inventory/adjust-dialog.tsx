'use client';

import { useWatch, type FieldError } from 'react-hook-form';
import { lazySchemaResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import { Field } from '@/components/ui/field';
import type { LazyDialogProps } from '@/components/ui/lazy-dialog';
import { NativeSelect } from '@/components/ui/select';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { ADJUSTMENT_REASON_GROUPS, reasonsForChange } from '@/lib/inventory/adjustment-reasons';
import { ADJUSTMENT_NOTE_MAX, ADJUSTMENT_REFERENCE_MAX, type AdjustmentReason } from '@/lib/inventory/constants';
import type { ZAdjustStockInput } from '@/lib/inventory/schemas';
import { adjustStockAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import { QuantityInput } from './form-fields';
import { signedQuantity } from './lines';

type AdjustValues = {
  variantId: string;
  locationId: string;
  mode: 'delta' | 'set';
  /** As typed: a change ("-2", "−2") or the counted quantity. */
  quantity: string;
  /** Blank until chosen: no reason is right by default. */
  reason: AdjustmentReason | '';
  note: string;
  reference: string;
};

const resolver = lazySchemaResolver<typeof ZAdjustStockInput, AdjustValues>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZAdjustStockInput),
);

/** The refusal of an adjustment that would take on hand below what is reserved, or below zero: the user changes the quantity. */
const BELOW_RESERVED = 'below_reserved';

/** The change a typed quantity makes to on hand, or null while it is not a whole number. */
function changeOf(mode: AdjustValues['mode'], quantity: string, onHand: number): number | null {
  const typed = signedQuantity(quantity);
  if (typed === null) return null;
  return mode === 'set' ? typed - onHand : typed;
}

/**
 * Adjusts on hand at one location, by a delta or by setting the counted quantity, with a reason
 * that explains the change's direction (only those are offered, and none is chosen for the
 * user), a note and a document reference, both kept on the ledger line.
 * The quantity is checked in the browser with the action's schema (ZAdjustStockInput); the server
 * refuses what would go below 0 or below reserved, said under the quantity. The preview shows
 * what on hand will be.
 */
export function AdjustDialogForm({
  variantId,
  sku,
  location,
  onHand,
  reserved,
  trigger,
  defaultOpen,
}: LazyDialogProps & {
  variantId: string;
  sku: string;
  location: { id: string; code: string; name: string };
  onHand: number;
  reserved: number;
}) {
  const { t, formatNumber } = useI18n();
  const dialog = useActionDialog({
    defaultOpen,
    resolver,
    values: (): AdjustValues => ({
      variantId,
      locationId: location.id,
      mode: 'delta',
      quantity: '',
      reason: '',
      note: '',
      reference: '',
    }),
    action: (input) =>
      adjustStockAction({ ...input, note: input.note || undefined, reference: input.reference || undefined }),
    success: (level) => t('inventory.adjust.success', { location: location.name, onHand: formatNumber(level.onHand) }),
    refused: (failure, input, form) => {
      if (failure.code === 'unprocessable' && failure.details?.field === 'reason') {
        // A counted quantity's direction, known on the server once the row was locked.
        const direction = Number(failure.details.delta) > 0 ? 'adding' : 'removing';
        form.setError('reason', { type: 'server', message: t('inventory.adjust.reasonMismatch', { direction }) });
        return true;
      }
      if (failure.code !== 'stock_conflict') return false;
      // The server's figures, which may have moved since the page was drawn.
      const level = failure.details as { onHand?: number; reserved?: number } | undefined;
      const after = input.mode === 'set' ? input.quantity : (level?.onHand ?? onHand) + input.quantity;
      const message =
        after < 0
          ? t('inventory.adjust.belowZero')
          : t('inventory.adjust.belowReserved', { reserved: level?.reserved ?? reserved });
      form.setError('quantity', { type: BELOW_RESERVED, message }, { shouldFocus: true });
      return true;
    },
  });
  const { form } = dialog;
  const mode = useWatch({ control: form.control, name: 'mode' });
  const change = changeOf(mode, useWatch({ control: form.control, name: 'quantity' }), onHand);
  const after = change === null ? null : onHand + change;
  const offered = reasonsForChange(change);

  /** A reason chosen for the other direction no longer fits once the quantity changes side: chosen again. */
  function keepReasonFitting() {
    const { mode: m, quantity, reason } = form.getValues();
    const allowed = reasonsForChange(changeOf(m, quantity, onHand));
    if (reason && allowed && !allowed.includes(reason)) form.setValue('reason', '');
  }

  const reasonOptions = (reasons: readonly AdjustmentReason[]) =>
    reasons.map((r) => (
      <option key={r} value={r}>
        {t(`inventory.detail.${r}`)}
      </option>
    ));

  function reasonError(error: FieldError | undefined): string | null {
    if (!error) return null;
    if (error.type === 'server' && error.message) return error.message;
    if (form.getValues('reason') === '') return t('inventory.adjust.reasonRequired');
    return t('inventory.adjust.reasonMismatch', { direction: change !== null && change > 0 ? 'adding' : 'removing' });
  }

  /** What to say under the quantity: the server's refusal as it came, else the schema's in words. */
  function quantityError(error: FieldError | undefined): string | null {
    if (!error) return null;
    if (error.type === BELOW_RESERVED && error.message) return error.message;
    // The schema's one refinement of a change: not 0. Anything else is no whole number (or a negative count).
    if (error.type === 'custom' && mode === 'delta') return t('inventory.adjust.zero');
    return t('inventory.adjust.wholeNumber');
  }

  return (
    <ActionDialog
      dialog={dialog}
      trigger={trigger}
      title={t('inventory.adjust.title')}
      description={t('inventory.adjust.description', {
        sku,
        location: location.name,
        onHand: formatNumber(onHand),
        reserved: formatNumber(reserved),
      })}
      submitLabel={t('inventory.adjust.submit')}
      pendingLabel={t('inventory.adjust.saving')}
    >
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">{t('inventory.adjust.mode')}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {(['delta', 'set'] as const).map((m) => (
            <label key={m} className="inline-flex items-center gap-2 text-sm">
              <input
                type="radio"
                value={m}
                className="size-4 accent-primary"
                {...form.register('mode', {
                  onChange: () => {
                    form.clearErrors('quantity');
                    keepReasonFitting();
                  },
                })}
              />
              {m === 'delta' ? t('inventory.adjust.modeDelta') : t('inventory.adjust.modeSet')}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label={mode === 'delta' ? t('inventory.adjust.delta') : t('inventory.adjust.counted')}
        error={quantityError(form.formState.errors.quantity)}
        hint={after !== null && after >= 0 ? t('inventory.adjust.preview', { after: formatNumber(after) }) : null}
      >
        {(props) => (
          <QuantityInput {...props} autoFocus {...form.register('quantity', { onChange: keepReasonFitting })} />
        )}
      </Field>
      <Field label={t('inventory.adjust.reason')} error={reasonError(form.formState.errors.reason)}>
        {(props) => (
          <NativeSelect {...props} containerClassName="w-64 max-w-full" required {...form.register('reason')}>
            <option value="" disabled>
              {t('inventory.adjust.reasonChoose')}
            </option>
            {offered ? (
              reasonOptions(offered)
            ) : (
              <>
                <optgroup label={t('inventory.adjust.reasonsEither')}>
                  {reasonOptions(ADJUSTMENT_REASON_GROUPS.either)}
                </optgroup>
                <optgroup label={t('inventory.adjust.reasonsAdding')}>
                  {reasonOptions(ADJUSTMENT_REASON_GROUPS.adding)}
                </optgroup>
                <optgroup label={t('inventory.adjust.reasonsRemoving')}>
                  {reasonOptions(ADJUSTMENT_REASON_GROUPS.removing)}
                </optgroup>
              </>
            )}
          </NativeSelect>
        )}
      </Field>
      <Field label={t('inventory.adjust.note')} hint={t('inventory.adjust.noteHint')}>
        {(props) => <Textarea {...props} maxLength={ADJUSTMENT_NOTE_MAX} rows={2} {...form.register('note')} />}
      </Field>
      <Field label={t('inventory.adjust.reference')} hint={t('inventory.adjust.referenceHint')}>
        {(props) => <Input {...props} maxLength={ADJUSTMENT_REFERENCE_MAX} {...form.register('reference')} />}
      </Field>
    </ActionDialog>
  );
}
