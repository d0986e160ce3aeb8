'use client';

import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { lazySchemaResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import type { LazyDialogProps } from '@/components/ui/lazy-dialog';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ZReceiveTransferInput } from '@/lib/inventory/schemas';
import { receiveTransferAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import { QuantityInput } from './form-fields';
import { parseQuantity } from './lines';
import type { Line } from './transfer-actions';

/*
 * A transfer's receipt dialog, loaded by TransferActions when its button is about to be used
 * (components/ui/lazy-dialog.tsx), with react-hook-form and Radix's dialog.
 */

/** The receipt as typed: one received quantity per shipped line, in the shipped order. */
type ReceiptValues = { transferId: string; lines: { variantId: string; quantityReceived: string }[] };

const resolver = lazySchemaResolver<typeof ZReceiveTransferInput, ReceiptValues>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZReceiveTransferInput),
);

/** Receipt with a received quantity per line, pre-filled with what was shipped; differences become ledger entries. */
export function ReceiveDialog({
  transferId,
  number,
  destination,
  lines,
  trigger,
  defaultOpen,
}: LazyDialogProps & {
  transferId: string;
  number: string;
  destination: string;
  lines: Line[];
}) {
  const { t, formatNumber } = useI18n();
  const errorId = useId();
  const dialog = useActionDialog({
    defaultOpen,
    resolver,
    values: (): ReceiptValues => ({
      transferId,
      lines: lines.map((l) => ({ variantId: l.variantId, quantityReceived: String(l.quantity) })),
    }),
    action: receiveTransferAction,
    success: ({ discrepancies }) =>
      discrepancies > 0
        ? t('inventory.transfers.receivedDiscrepancies', { location: destination, count: formatNumber(discrepancies) })
        : t('inventory.transfers.receivedOk', { location: destination }),
  });
  const { form } = dialog;
  const received = useWatch({ control: form.control, name: 'lines' });
  const lineErrors = form.formState.errors.lines;

  return (
    <ActionDialog
      dialog={dialog}
      size="lg"
      trigger={trigger}
      title={t('inventory.transfers.receiveTitle', { number })}
      description={t('inventory.transfers.receiveDescription')}
      submitLabel={t('inventory.transfers.receiveConfirm')}
      pendingLabel={t('inventory.transfers.receiving')}
    >
      <Table scroll="box" maxHeight="max-h-[50dvh]">
        <TableHeader>
          <TableRow hover={false}>
            <TableHead>{t('inventory.col.product')}</TableHead>
            <TableHead numeric>{t('inventory.transfers.shippedQty')}</TableHead>
            <TableHead numeric className="w-32">
              {t('inventory.transfers.receivedQty')}
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {lines.map((l, i) => {
            const q = parseQuantity(received?.[i]?.quantityReceived ?? '');
            const invalid = Boolean(lineErrors?.[i]);
            return (
              <TableRow key={l.variantId}>
                <TableCell>
                  <div className="font-medium">{l.productName}</div>
                  <div className="font-mono text-xs text-muted-foreground">
                    {l.sku} · {l.variantTitle}
                  </div>
                </TableCell>
                <TableCell numeric>{formatNumber(l.quantity)}</TableCell>
                <TableCell numeric compact>
                  <QuantityInput
                    aria-label={t('inventory.transfers.receivedQtyFor', { sku: l.sku })}
                    aria-invalid={invalid || undefined}
                    aria-describedby={invalid ? errorId : undefined}
                    inputSize="sm"
                    width="w-24"
                    tone={q !== null && q !== l.quantity ? 'waiting' : 'default'}
                    className="ml-auto"
                    {...form.register(`lines.${i}.quantityReceived`)}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {/* The schema's only refusal of a line: a received quantity that is no whole number (0 is one). */}
      {lineErrors ? (
        <p id={errorId} className="text-sm text-destructive">
          {t('inventory.adjust.wholeNumber')}
        </p>
      ) : null}
    </ActionDialog>
  );
}
