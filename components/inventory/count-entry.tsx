'use client';

import { useId, useRef, useState, useTransition, type FormEvent } from 'react';
import { ScanBarcode } from 'lucide-react';
import { recordCountAction } from '@/lib/next/actions/inventory';
import { actionErrorMessage } from '@/components/action-result';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { useI18n } from '@/lib/next/i18n-client';
import { parseQuantity } from './lines';

type LogLine = { key: number; text: string; ok: boolean };

/**
 * Count entry for scanners and keyboards. Scan mode: every Enter adds one unit of that code.
 * Type mode: the typed quantity becomes the counted quantity. The review below refreshes.
 */
export function CountEntry({ countId }: { countId: string }) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const codeRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'scan' | 'type'>('scan');
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState('');
  const [log, setLog] = useState<LogLine[]>([]);
  const [pending, startTransition] = useTransition();
  const seq = useRef(0);

  function push(text: string, ok: boolean) {
    seq.current += 1;
    const key = seq.current;
    setLog((l) => [{ key, text, ok }, ...l].slice(0, 6));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = code.trim();
    if (!value) return;
    const qty = mode === 'scan' ? 1 : parseQuantity(quantity);
    if (qty === null) {
      push(t('inventory.adjust.wholeNumber'), false);
      return;
    }
    setCode('');
    if (mode === 'type') setQuantity('');
    startTransition(async () => {
      const result = await recordCountAction({
        countId,
        lines: [{ code: value, counted: qty, mode: mode === 'scan' ? 'add' : 'set' }],
      });
      if (!result.ok) push(actionErrorMessage(t, result), false);
      else if (result.data.unknown.length > 0) push(t('inventory.counts.unknown', { code: value }), false);
      else if (result.data.elsewhere.length > 0)
        push(t('inventory.counts.elsewhere', { code: value, number: result.data.elsewhere[0].number }), false);
      else
        push(
          mode === 'scan'
            ? t('inventory.counts.recordedScan', { code: value })
            : t('inventory.counts.recordedSet', { code: value, quantity: formatNumber(qty) }),
          true,
        );
      codeRef.current?.focus();
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t('inventory.counts.mode')}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {(['scan', 'type'] as const).map((m) => (
            <label key={m} className="inline-flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-mode`}
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                className="size-4 accent-primary"
              />
              {m === 'scan' ? t('inventory.counts.modeScan') : t('inventory.counts.modeType')}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid min-w-56 flex-1 gap-1.5">
          <Label htmlFor={`${id}-code`}>{t('inventory.counts.code')}</Label>
          <div className="relative">
            <ScanBarcode
              aria-hidden
              className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              ref={codeRef}
              id={`${id}-code`}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="pl-8 font-mono"
              autoFocus
            />
          </div>
        </div>
        {mode === 'type' ? (
          <div className="grid w-32 gap-1.5">
            <Label htmlFor={`${id}-qty`}>{t('inventory.counts.quantity')}</Label>
            <Input
              id={`${id}-qty`}
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
              inputMode="numeric"
              className="text-right tabular-nums"
            />
          </div>
        ) : null}
        <Button type="submit" disabled={!code.trim()} aria-busy={pending || undefined}>
          {t('inventory.counts.record')}
        </Button>
      </div>
      <ul aria-live="polite" className="grid gap-1 text-sm">
        {log.map((l) => (
          <li key={l.key} className={l.ok ? 'text-done' : 'text-destructive'}>
            {l.text}
          </li>
        ))}
      </ul>
    </form>
  );
}
