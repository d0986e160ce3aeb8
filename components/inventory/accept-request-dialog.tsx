'use client';

import { useMemo } from 'react';
import { useWatch, type FieldErrors } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { Check } from 'lucide';
import { lazySchemaResolver, type LazyResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { LazyDialogProps } from '@/components/ui/lazy-dialog';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Textarea } from '@/components/ui/textarea';
import type { AcceptTransferRequestInput, ZAcceptTransferRequestInput } from '@/lib/inventory/schemas';
import { acceptTransferRequestAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import { QuantityInput } from './form-fields';
import { parseQuantity } from './lines';

/*
 * The acceptance of a store's request, loaded by TransferActions when its button is about to be
 * used (components/ui/lazy-dialog.tsx), with react-hook-form and Radix's dialog.
 */

export type RequestLine = {
  variantId: string;
  sku: string;
  productName: string;
  variantTitle: string;
  requested: number;
  /** What the source can promise of it now. */
  available: number;
};

type AcceptValues = {
  transferId: string;
  expectedOn: string;
  reason: string;
  lines: { variantId: string; quantity: string }[];
};

const schemaResolver = lazySchemaResolver<typeof ZAcceptTransferRequestInput, AcceptValues>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZAcceptTransferRequestInput),
);

/**
 * The schema's checks, then the request's own (acceptTransferRequest checks them again): no more
 * than asked per line, something sent, and a reason when fewer are sent.
 */
function requestResolver(lines: RequestLine[]): LazyResolver<AcceptValues, AcceptTransferRequestInput> {
  const resolver: LazyResolver<AcceptValues, AcceptTransferRequestInput> = Object.assign(
    async (...args: Parameters<typeof schemaResolver>) => {
      const result = await schemaResolver(...args);
      if (Object.keys(result.errors).length > 0) return result;
      const values = args[0];
      const errors: FieldErrors<AcceptValues> = {};
      const sent = values.lines.map((l) => parseQuantity(l.quantity) ?? 0);
      const over = sent.map((q, i) =>
        q > lines[i].requested ? { quantity: { type: 'max', message: 'max' } } : undefined,
      );
      if (over.some(Boolean)) errors.lines = over;
      else if (sent.every((q) => q === 0)) errors.lines = { root: { type: 'none', message: 'none' } };
      else if (sent.some((q, i) => q < lines[i].requested) && !values.reason.trim())
        errors.reason = { type: 'required', message: 'required' };
      return Object.keys(errors).length > 0 ? { values: {}, errors } : result;
    },
    { preload: schemaResolver.preload },
  );
  return resolver;
}

/** Accept a request: units to send per line (what was asked, to begin with), the expected arrival day, why fewer. */
export function AcceptRequestDialog({
  transferId,
  number,
  source,
  destination,
  lines,
  expectedOn,
  today,
  trigger,
  defaultOpen,
}: LazyDialogProps & {
  transferId: string;
  number: string;
  source: string;
  destination: string;
  lines: RequestLine[];
  /** The day offered as the expected arrival (the day needed by, or today when that is past). */
  expectedOn: string;
  today: string;
}) {
  const { t, formatNumber } = useI18n();
  const resolver = useMemo(() => requestResolver(lines), [lines]);
  const dialog = useActionDialog({
    defaultOpen,
    resolver,
    values: (): AcceptValues => ({
      transferId,
      expectedOn,
      reason: '',
      lines: lines.map((l) => ({ variantId: l.variantId, quantity: String(l.requested) })),
    }),
    action: acceptTransferRequestAction,
    success: ({ units }) => t('inventory.transfers.accepted', { units, location: destination }),
  });
  const { form } = dialog;
  const typed = useWatch({ control: form.control, name: 'lines' });
  const { errors } = form.formState;
  const lineErrors = errors.lines;

  return (
    <ActionDialog
      dialog={dialog}
      size="lg"
      trigger={trigger}
      title={t('inventory.transfers.acceptTitle', { number })}
      description={t('inventory.transfers.acceptDescription', { location: source })}
      submitLabel={t('inventory.transfers.acceptConfirm')}
      pendingLabel={t('inventory.transfers.accepting')}
      submitIcon={<Icon node={Check} aria-hidden />}
    >
      <Table scroll="box" maxHeight="max-h-[40dvh]">
        <TableHeader>
          <TableRow hover={false}>
            <TableHead>{t('inventory.col.product')}</TableHead>
            <TableHead numeric>{t('inventory.transfers.requestedQty')}</TableHead>
            <TableHead numeric>{t('inventory.transfers.availableAtSource')}</TableHead>
            <TableHead numeric className="w-32">
              {t('inventory.transfers.toSendQty')}
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {lines.map((l, i) => {
            const q = parseQuantity(typed?.[i]?.quantity ?? '');
            const invalid = Boolean(Array.isArray(lineErrors) && lineErrors[i]);
            return (
              <TableRow key={l.variantId}>
                <TableCell>
                  <div className="font-medium">{l.productName}</div>
                  <div className="font-mono text-xs text-muted-foreground">
                    {l.sku} · {l.variantTitle}
                  </div>
                </TableCell>
                <TableCell numeric>{formatNumber(l.requested)}</TableCell>
                <TableCell numeric className={l.available < l.requested ? 'text-problem' : 'text-muted-foreground'}>
                  {formatNumber(l.available)}
                </TableCell>
                <TableCell numeric compact>
                  <QuantityInput
                    aria-label={t('inventory.transfers.sendQtyFor', { sku: l.sku })}
                    aria-invalid={invalid || undefined}
                    title={invalid ? t('inventory.transfers.moreThanAsked', { requested: l.requested }) : undefined}
                    inputSize="sm"
                    width="w-24"
                    tone={q !== null && q < l.requested ? 'waiting' : 'default'}
                    className="ml-auto"
                    {...form.register(`lines.${i}.quantity`)}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {lineErrors ? (
        <p role="alert" className="text-sm text-destructive">
          {lineErrors.root
            ? t('inventory.transfers.sendNone')
            : Array.isArray(lineErrors) &&
                lineErrors.some((e, i) => e && (parseQuantity(typed?.[i]?.quantity ?? '') ?? 0) > lines[i].requested)
              ? t('inventory.transfers.moreThanAsked', {
                  requested: lines[lineErrors.findIndex(Boolean)]?.requested ?? 0,
                })
              : t('inventory.adjust.wholeNumber')}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <Field
          label={t('inventory.transfers.expectedOn')}
          error={errors.expectedOn ? t('inventory.transfers.needDate') : null}
        >
          {(props) => <Input {...props} type="date" min={today} required {...form.register('expectedOn')} />}
        </Field>
        <Field
          label={t('inventory.transfers.reducedReason')}
          error={errors.reason ? t('inventory.transfers.needReason') : null}
        >
          {(props) => <Textarea {...props} rows={2} maxLength={500} {...form.register('reason')} />}
        </Field>
      </div>
    </ActionDialog>
  );
}
