'use client';

import { useWatch } from 'react-hook-form';
import { lazySchemaResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { LazyDialogProps } from '@/components/ui/lazy-dialog';
import { Textarea } from '@/components/ui/textarea';
import type { ZChangePointsInput } from '@/lib/loyalty/schemas';
import { changePointsAction } from '@/lib/next/actions/loyalty';
import { useI18n } from '@/lib/next/i18n-client';

type ChangeValues = { customerId: string; kind: 'redeem' | 'adjust'; points: string; reason: string };

const resolver = lazySchemaResolver<typeof ZChangePointsInput, ChangeValues>(() =>
  import('@/lib/loyalty/schemas').then((m) => m.ZChangePointsInput),
);

const ERROR_CODES = [
  'points_not_a_number',
  'points_whole',
  'points_too_large',
  'points_positive',
  'points_not_zero',
  'reason_required',
  'reason_too_long',
] as const;
type ErrorCode = (typeof ERROR_CODES)[number];
const isErrorCode = (m: string | undefined): m is ErrorCode => ERROR_CODES.includes(m as ErrorCode);

/**
 * An agent redeems (spends) or adjusts a customer's points with a reason: react-hook-form over the
 * action's own schema; a redemption the balance cannot cover is said under the points, with the
 * server's balance. Loaded when its button is about to be used (LoyaltyDialog in profile/dialogs.tsx).
 */
export function LoyaltyDialogForm({
  customerId,
  balance,
  trigger,
  defaultOpen,
}: LazyDialogProps & { customerId: string; balance: number }) {
  const { t } = useI18n();
  const dialog = useActionDialog({
    defaultOpen,
    resolver,
    values: (): ChangeValues => ({ customerId, kind: 'redeem', points: '', reason: '' }),
    action: changePointsAction,
    success: (data) => t('loyalty.change.success', { balance: data.balance }),
    refused: (failure, _input, form) => {
      const details = failure.details as { reason?: string; balance?: number } | undefined;
      if (failure.code !== 'conflict' || details?.reason !== 'insufficient_balance') return false;
      form.setError(
        'points',
        { type: 'server', message: t('loyalty.change.insufficient', { balance: details.balance ?? balance }) },
        { shouldFocus: true },
      );
      return true;
    },
  });
  const { form } = dialog;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const say = (message: string | undefined) =>
    !message ? null : isErrorCode(message) ? t(`loyalty.change.errors.${message}`) : message;

  return (
    <ActionDialog
      dialog={dialog}
      trigger={trigger}
      title={t('loyalty.change.title')}
      description={t('loyalty.change.description', { balance })}
      submitLabel={t('loyalty.change.submit')}
      pendingLabel={t('loyalty.change.saving')}
    >
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">{t('loyalty.change.kind')}</legend>
        {(['redeem', 'adjust'] as const).map((k) => (
          <label key={k} className="inline-flex items-center gap-2 text-sm">
            <input
              type="radio"
              value={k}
              className="size-4 accent-primary"
              {...form.register('kind', { onChange: () => form.clearErrors('points') })}
            />
            {t(`loyalty.change.${k}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('loyalty.change.points')} error={say(form.formState.errors.points?.message)}>
        {(props) => (
          <Input
            {...props}
            autoFocus
            inputMode={kind === 'adjust' ? 'text' : 'numeric'}
            width="w-40"
            className="tabular-nums"
            {...form.register('points')}
          />
        )}
      </Field>
      <Field label={t('loyalty.change.reason')} error={say(form.formState.errors.reason?.message)}>
        {(props) => <Textarea {...props} rows={2} maxLength={500} {...form.register('reason')} />}
      </Field>
    </ActionDialog>
  );
}
