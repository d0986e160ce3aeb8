'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { SlidersHorizontal } from 'lucide-react';
import { adjustStockAction } from '@/lib/next/actions/inventory';
import { actionErrorMessage } from '@/components/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from 'sonner';
import { useI18n } from '@/lib/next/i18n-client';
import { ADJUSTMENT_REASONS, type AdjustmentReason } from '@/lib/inventory/schemas';

/**
 * Adjusts on hand at one location, by a delta or by setting the counted quantity, with a reason.
 * The server refuses what would go below 0 or below reserved; the preview says it first.
 */
export function AdjustDialog({
  variantId,
  sku,
  location,
  onHand,
  reserved,
}: {
  variantId: string;
  sku: string;
  location: { id: string; code: string; name: string };
  onHand: number;
  reserved: number;
}) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'delta' | 'set'>('delta');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState<AdjustmentReason>('damaged');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const parsed = /^[-−]?\d+$/.test(quantity.trim()) ? Number(quantity.trim().replace('−', '-')) : null;
  const after = parsed === null ? null : mode === 'set' ? parsed : onHand + parsed;

  function reset() {
    setMode('delta');
    setQuantity('');
    setReason('damaged');
    setNote('');
    setError(null);
  }

  function localError(): string | null {
    if (parsed === null || (mode === 'set' && parsed < 0)) return t('inventory.adjust.wholeNumber');
    if (mode === 'delta' && parsed === 0) return t('inventory.adjust.zero');
    if (after !== null && after < 0) return t('inventory.adjust.belowZero');
    if (after !== null && after < reserved) return t('inventory.adjust.belowReserved', { reserved });
    return null;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = localError();
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await adjustStockAction({
        variantId,
        locationId: location.id,
        mode,
        quantity: parsed!,
        reason,
        note: note.trim() || undefined,
      });
      if (result.ok) {
        setOpen(false);
        reset();
        toast.success(
          t('inventory.adjust.success', { location: location.name, onHand: formatNumber(result.data.onHand) }),
        );
        return;
      }
      if (result.code === 'stock_conflict') {
        const details = result.details as { reserved?: number } | undefined;
        setError(
          details?.reserved && after !== null && after >= 0
            ? t('inventory.adjust.belowReserved', { reserved: details.reserved })
            : t('inventory.adjust.belowZero'),
        );
      } else {
        setError(actionErrorMessage(t, result));
      }
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={t('inventory.sku.adjustAt', { location: location.name })}>
          <SlidersHorizontal aria-hidden />
          {t('inventory.sku.adjust')}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('inventory.adjust.title')}</DialogTitle>
          <DialogDescription>
            {t('inventory.adjust.description', {
              sku,
              location: location.name,
              onHand: formatNumber(onHand),
              reserved: formatNumber(reserved),
            })}
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm font-medium">{t('inventory.adjust.mode')}</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {(['delta', 'set'] as const).map((m) => (
                <label key={m} className="inline-flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${id}-mode`}
                    value={m}
                    checked={mode === m}
                    onChange={() => {
                      setMode(m);
                      setError(null);
                    }}
                    className="size-4 accent-primary"
                  />
                  {m === 'delta' ? t('inventory.adjust.modeDelta') : t('inventory.adjust.modeSet')}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-qty`}>
              {mode === 'delta' ? t('inventory.adjust.delta') : t('inventory.adjust.counted')}
            </Label>
            <Input
              id={`${id}-qty`}
              inputMode="numeric"
              autoComplete="off"
              value={quantity}
              onChange={(e) => {
                setQuantity(e.target.value);
                setError(null);
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-preview`}
              className="w-40 text-right tabular-nums"
              autoFocus
            />
            <p id={`${id}-preview`} className="min-h-5 text-xs text-muted-foreground" aria-live="polite">
              {after !== null && after >= 0 ? t('inventory.adjust.preview', { after: formatNumber(after) }) : null}
            </p>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-reason`}>{t('inventory.adjust.reason')}</Label>
            <NativeSelect
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value as AdjustmentReason)}
              containerClassName="w-64 max-w-full"
            >
              {ADJUSTMENT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`inventory.detail.${r}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-note`}>{t('inventory.adjust.note')}</Label>
            <Textarea
              id={`${id}-note`}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
              rows={2}
            />
          </div>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
              {pending ? t('inventory.adjust.saving') : t('inventory.adjust.submit')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
