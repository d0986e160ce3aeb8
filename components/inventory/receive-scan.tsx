'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { PackageCheck, ScanBarcode } from 'lucide';
import { actionErrorMessage } from '@/components/action-result';
import { lazySchemaResolver, setServerErrors } from '@/components/form-errors';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import type { ReceiveTransferUnitsInput, ZReceiveTransferUnitsInput } from '@/lib/inventory/schemas';
import { receiveTransferUnitsAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import { QuantityInput } from './form-fields';
import { parseQuantity } from './lines';

export type ReceiveScanLine = {
  variantId: string;
  sku: string;
  barcode: string | null;
  productName: string;
  variantTitle: string;
  shipped: number;
  /** Units of it received by earlier deliveries. */
  before: number;
};

type ReceiptValues = {
  transferId: string;
  closeShort: boolean;
  seen: number;
  lines: { variantId: string; quantity: string }[];
};

const resolver = lazySchemaResolver<typeof ZReceiveTransferUnitsInput, ReceiptValues>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZReceiveTransferUnitsInput),
);

/** The line a scanned or typed code names: its SKU (any case) or its barcode; -1 when none. */
function lineOf(lines: readonly ReceiveScanLine[], code: string): number {
  const c = code.trim();
  return lines.findIndex((l) => l.sku.toLowerCase() === c.toLowerCase() || (l.barcode !== null && l.barcode === c));
}

/**
 * One delivery of a transfer, received by scanning: a keyboard-wedge scanner types the code and
 * Enter, and each scan adds one unit to its line (the quantities can be typed too). Receiving
 * books what arrived; the rest stays in transit until it arrives, or until "nothing more is
 * coming" records it short and closes the transfer (receiveTransferUnits).
 */
export function ReceiveScan({
  transferId,
  destination,
  lines,
}: {
  transferId: string;
  destination: string;
  lines: ReceiveScanLine[];
}) {
  const { t, formatNumber } = useI18n();
  const router = useRouter();
  const id = useId();
  const codeRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  /** The line the last scan counted, shown as such (and brought into view on a long transfer). */
  const [last, setLast] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const seen = lines.reduce((a, l) => a + l.before, 0);
  const form = useForm<ReceiptValues, unknown, ReceiveTransferUnitsInput>({
    resolver,
    defaultValues: {
      transferId,
      closeShort: false,
      seen,
      lines: lines.map((l) => ({ variantId: l.variantId, quantity: '0' })),
    },
  });
  useEffect(() => resolver.preload(), []);
  const typed = useWatch({ control: form.control, name: 'lines' });
  const closeShort = useWatch({ control: form.control, name: 'closeShort' });
  const now = lines.map((_, i) => parseQuantity(typed?.[i]?.quantity ?? '') ?? 0);
  const nowUnits = now.reduce((a, b) => a + b, 0);
  const missing = lines.reduce((a, l, i) => a + Math.max(0, l.shipped - l.before - now[i]), 0);
  const { errors } = form.formState;

  function scan() {
    const value = code.trim();
    if (!value) return;
    setCode('');
    const i = lineOf(lines, value);
    if (i < 0) {
      setFeedback({ ok: false, text: t('inventory.transfers.scan.unknown', { code: value }) });
      setLast(null);
      return;
    }
    setLast(i);
    document.getElementById(`${id}-line-${i}`)?.scrollIntoView({ block: 'nearest' });
    const name = `lines.${i}.quantity` as const;
    const next = (parseQuantity(form.getValues(name)) ?? 0) + 1;
    form.setValue(name, String(next), { shouldDirty: true });
    if (errors.lines) form.clearErrors('lines');
    const l = lines[i];
    setFeedback({
      ok: true,
      text: t('inventory.transfers.scan.added', { sku: l.sku, count: l.before + next, shipped: l.shipped }),
    });
  }

  function send(input: ReceiveTransferUnitsInput) {
    startTransition(async () => {
      const result = await receiveTransferUnitsAction(input);
      if (!result.ok) {
        if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
        return;
      }
      const { units, discrepancies, complete } = result.data;
      if (!complete) {
        toast.success(t('inventory.transfers.scan.partial', { units, location: destination }));
        // The page reads the transfer again and starts a new delivery from what is now received.
        return router.refresh();
      }
      toast.success(
        discrepancies > 0
          ? t('inventory.transfers.scan.completeDiscrepancies', { location: destination, count: discrepancies })
          : t('inventory.transfers.scan.complete', { location: destination }),
      );
      router.push(`/inventory/transfers/${transferId}`);
    });
  }

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="grid max-w-md gap-1.5">
        <Label htmlFor={`${id}-code`}>{t('inventory.transfers.scan.code')}</Label>
        <div className="relative">
          <Icon
            node={ScanBarcode}
            aria-hidden
            className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            ref={codeRef}
            id={`${id}-code`}
            value={code}
            // The page is for receiving: the scanner types here as soon as it opens.
            autoFocus
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={(e) => {
              // A keyboard-wedge scanner ends each code with Enter.
              if (e.key === 'Enter') {
                e.preventDefault();
                scan();
              }
            }}
            placeholder={t('inventory.transfers.scan.codePlaceholder')}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-feedback`}
            aria-invalid={feedback && !feedback.ok ? true : undefined}
            className="pl-8 font-mono"
          />
        </div>
        <p
          id={`${id}-feedback`}
          role="status"
          className={`min-h-5 text-sm ${feedback && !feedback.ok ? 'text-destructive' : 'text-muted-foreground'}`}
        >
          {feedback?.text}
        </p>
      </div>

      <form onSubmit={(event) => void form.handleSubmit(send)(event)} className="grid grid-cols-1 gap-4" noValidate>
        <Table label={t('inventory.transfers.scan.label')} scroll="box" maxHeight="max-h-[60dvh]">
          <TableHeader>
            <TableRow hover={false}>
              <TableHead>{t('inventory.col.product')}</TableHead>
              <TableHead>{t('inventory.col.sku')}</TableHead>
              <TableHead numeric>{t('inventory.transfers.shippedQty')}</TableHead>
              <TableHead numeric>{t('inventory.transfers.scan.before')}</TableHead>
              <TableHead numeric className="w-32">
                {t('inventory.transfers.scan.now')}
              </TableHead>
              <TableHead numeric>{t('inventory.transfers.scan.left')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((l, i) => {
              const left = l.shipped - l.before - now[i];
              return (
                <TableRow
                  key={l.variantId}
                  id={`${id}-line-${i}`}
                  className={i === last ? 'bg-info-soft' : left === 0 ? 'bg-done-soft/40' : undefined}
                >
                  <TableCell>
                    <div className="font-medium">{l.productName}</div>
                    <div className="text-xs text-muted-foreground">{l.variantTitle}</div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap font-mono text-[0.8125rem]">{l.sku}</TableCell>
                  <TableCell numeric>{formatNumber(l.shipped)}</TableCell>
                  <TableCell numeric className="text-muted-foreground">
                    {formatNumber(l.before)}
                  </TableCell>
                  <TableCell numeric compact>
                    <QuantityInput
                      aria-label={t('inventory.transfers.scan.nowFor', { sku: l.sku })}
                      aria-invalid={errors.lines?.[i] ? true : undefined}
                      inputSize="sm"
                      width="w-24"
                      className="ml-auto"
                      {...form.register(`lines.${i}.quantity`)}
                    />
                  </TableCell>
                  <TableCell numeric className={left < 0 ? 'text-waiting' : left === 0 ? 'text-done' : undefined}>
                    {left < 0 ? t('inventory.transfers.scan.over', { count: -left }) : formatNumber(left)}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
          <TableFooter>
            <TableRow hover={false}>
              <TableCell colSpan={2}>{t('inventory.transfers.scan.total')}</TableCell>
              <TableCell numeric>{formatNumber(lines.reduce((a, l) => a + l.shipped, 0))}</TableCell>
              <TableCell numeric>{formatNumber(seen)}</TableCell>
              <TableCell numeric>{formatNumber(nowUnits)}</TableCell>
              <TableCell numeric>{formatNumber(missing)}</TableCell>
            </TableRow>
          </TableFooter>
        </Table>
        {errors.lines ? (
          <p role="alert" className="text-sm text-destructive">
            {Array.isArray(errors.lines) ? t('inventory.adjust.wholeNumber') : t('inventory.transfers.scan.nothing')}
          </p>
        ) : null}
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="grid gap-1">
            <label className="flex items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                className="size-4 accent-[var(--color-primary)]"
                aria-describedby={`${id}-short`}
                {...form.register('closeShort', { onChange: () => form.clearErrors('lines') })}
              />
              {t('inventory.transfers.scan.closeShort')}
            </label>
            <p id={`${id}-short`} className="pl-6 text-xs text-muted-foreground">
              {closeShort ? t('inventory.transfers.scan.closeShortHint', { count: missing }) : null}
            </p>
          </div>
          <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
            <Icon node={PackageCheck} aria-hidden />
            {pending
              ? t('inventory.transfers.scan.receiving')
              : closeShort
                ? t('inventory.transfers.scan.submitClose')
                : t('inventory.transfers.scan.submit', { units: nowUnits })}
          </Button>
        </div>
      </form>
    </div>
  );
}
