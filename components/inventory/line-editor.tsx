'use client';

import { useId, useLayoutEffect, useRef, useState } from 'react';
import { Icon } from '@/components/ui/icons';
import { Plus, ScanBarcode, Trash } from 'lucide';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { Translate } from '@/lib/next/i18n';
import { useI18n } from '@/lib/next/i18n-client';
import { lineFromLookup, parseQuantity, type EditorLine } from './lines';
import { lookupCode } from './lookup';

/**
 * What to say under the lines for the form's error on them (react-hook-form's, from the schema's
 * lines): none given, or a quantity that is no whole number of at least one.
 */
export function linesErrorText(t: Translate, error: unknown): string | null {
  if (!error) return null;
  const list = error as { message?: string; root?: unknown };
  if (list.message || list.root) return t('inventory.receive.needLines');
  return Array.isArray(error) && error.some(Boolean) ? t('inventory.adjust.wholeNumber') : null;
}

/**
 * Lines entered by scanning or typing a SKU/barcode then Enter (the same item again adds one),
 * each with an editable quantity. With `availableAt`, shows what the source can spare.
 */
export function LineEditor({
  lines,
  onChange,
  availableAt,
  error,
}: {
  lines: EditorLine[];
  onChange: (lines: EditorLine[]) => void;
  availableAt?: { id: string; name: string } | null;
  /** What is wrong with the lines (none, a quantity), said under them. */
  error?: string | null;
}) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const codeRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  /** The last code that could not be added. */
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Scanners fire codes faster than lookups answer: queue them, apply in order, never drop one.
  const queue = useRef<string[]>([]);
  const running = useRef(false);
  const latest = useRef(lines);
  // Synced after each commit, not during render (a render React throws away must not leak
  // into the queue); a layout effect runs before any scan event can read it.
  useLayoutEffect(() => {
    latest.current = lines;
  }, [lines]);

  async function drain() {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      while (queue.current.length > 0) {
        const value = queue.current.shift()!;
        try {
          const found = await lookupCode(value);
          if (!found) {
            setLookupError(t('inventory.lines.unknown', { code: value }));
            continue;
          }
          const current = latest.current;
          const existing = current.find((l) => l.variantId === found.variantId);
          const next = existing
            ? current.map((l) =>
                l === existing ? { ...l, quantity: String((parseQuantity(l.quantity) ?? 0) + 1) } : l,
              )
            : [...current, lineFromLookup(found)];
          latest.current = next;
          onChange(next);
        } catch {
          setLookupError(t('errors.unexpected'));
        }
      }
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  function add() {
    const value = code.trim();
    if (!value) return;
    setCode('');
    setLookupError(null);
    queue.current.push(value);
    void drain();
    codeRef.current?.focus();
  }

  const units = lines.reduce((a, l) => a + (parseQuantity(l.quantity) ?? 0), 0);

  return (
    <div className="grid grid-cols-1 gap-3">
      {/* Not a nested <form>: the editor lives inside the page's form, so Enter is caught here. */}
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid min-w-0 flex-1 gap-1.5" style={{ minWidth: '14rem' }}>
          <Label htmlFor={`${id}-code`}>{t('inventory.lines.code')}</Label>
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
              onChange={(e) => {
                setCode(e.target.value);
                setLookupError(null);
              }}
              onKeyDown={(e) => {
                // Scanners end with Enter: add the line, never submit the surrounding form.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
              placeholder={t('inventory.lines.codePlaceholder')}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={lookupError ? true : undefined}
              aria-describedby={lookupError ? `${id}-error` : undefined}
              className="pl-8 font-mono"
            />
          </div>
        </div>
        <Button variant="secondary" onClick={add} disabled={!code.trim()} aria-busy={busy || undefined}>
          <Icon node={Plus} aria-hidden />
          {busy ? t('inventory.lines.looking') : t('inventory.lines.add')}
        </Button>
      </div>
      {lookupError ? (
        <p id={`${id}-error`} role="alert" className="-mt-1 text-sm text-destructive">
          {lookupError}
        </p>
      ) : null}

      {lines.length === 0 ? (
        <p
          className={`rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground ${error ? 'border-destructive' : 'border-border'}`}
        >
          {t('inventory.lines.empty')}
        </p>
      ) : (
        <>
          <Table label={t('inventory.lines.label')} scroll="box" maxHeight="max-h-[50dvh]">
            <TableHeader>
              <TableRow hover={false}>
                <TableHead>{t('inventory.col.product')}</TableHead>
                <TableHead>{t('inventory.col.sku')}</TableHead>
                {availableAt ? (
                  <TableHead numeric>{t('inventory.lines.availableAt', { location: availableAt.name })}</TableHead>
                ) : null}
                <TableHead numeric className="w-32">
                  {t('inventory.col.quantity')}
                </TableHead>
                <TableHead className="w-px">
                  <span className="sr-only">{t('common.close')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.map((line) => {
                const qty = parseQuantity(line.quantity);
                const available = availableAt
                  ? (line.levels.find((l) => l.locationId === availableAt.id)?.available ?? 0)
                  : null;
                const over = available !== null && qty !== null && qty > available;
                return (
                  <TableRow key={line.variantId}>
                    <TableCell>
                      <div className="font-medium">{line.productName}</div>
                      <div className="text-xs text-muted-foreground">{line.title}</div>
                    </TableCell>
                    <TableCell className="whitespace-nowrap font-mono text-[0.8125rem]">{line.sku}</TableCell>
                    {available !== null ? (
                      <TableCell numeric className={available === 0 ? 'text-problem' : 'text-muted-foreground'}>
                        {formatNumber(available)}
                      </TableCell>
                    ) : null}
                    <TableCell numeric compact>
                      <Input
                        value={line.quantity}
                        inputMode="numeric"
                        aria-label={t('inventory.lines.quantityFor', { sku: line.sku })}
                        aria-invalid={qty === null || qty < 1 || over ? true : undefined}
                        title={
                          over ? t('inventory.lines.overAvailable', { available: formatNumber(available) }) : undefined
                        }
                        onChange={(e) =>
                          onChange(lines.map((l) => (l === line ? { ...l, quantity: e.target.value } : l)))
                        }
                        inputSize="sm"
                        width="w-24"
                        className="ml-auto text-right tabular-nums"
                      />
                    </TableCell>
                    <TableCell compact>
                      <Button
                        variant="ghost"
                        size="icon-sm"
                        aria-label={t('inventory.lines.remove', { sku: line.sku })}
                        onClick={() => onChange(lines.filter((l) => l !== line))}
                      >
                        <Icon node={Trash} aria-hidden />
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <p className="text-right text-xs text-muted-foreground">
            {t('inventory.lines.summary', { lines: formatNumber(lines.length), units: formatNumber(units) })}
          </p>
        </>
      )}
      {error ? <p className="text-sm text-destructive">{error}</p> : null}
    </div>
  );
}
