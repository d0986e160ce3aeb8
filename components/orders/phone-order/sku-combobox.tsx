'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { LoaderCircle } from 'lucide';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { SkuSuggestion } from '@/lib/inventory/queries/sku-search';
import { useI18n } from '@/lib/next/i18n-client';
import { clsx } from 'clsx';
import { SKU_SEARCH_MIN_LENGTH, useSkuSearch } from './use-sku-search';

/**
 * The item field of a phone order line: a product name, a barcode or a SKU, with suggestions as
 * the agent types (the ARIA combobox pattern: the focus stays in the field, arrows move through the
 * listbox, Enter picks, Escape closes). Enter without a suggestion chosen takes the text as a code,
 * as a scanner sends it (a scanner is faster than the suggestions).
 */
export function SkuCombobox({
  id,
  text,
  field,
  invalid,
  describedBy,
  onPick,
  onCode,
}: {
  id: string;
  /** The field's current text. */
  text: string;
  /** The text's registration with react-hook-form. */
  field: UseFormRegisterReturn;
  invalid: boolean;
  describedBy: string;
  onPick: (suggestion: SkuSuggestion) => void;
  /** Enter on the text itself: look it up as a SKU or barcode. */
  onCode: () => void;
}) {
  const { t, formatMoney } = useI18n();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useSkuSearch(text, open);
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const { results } = search;
  const expanded = open && results.length > 0;
  const current = expanded && active < results.length ? active : -1;
  const input = useRef<HTMLInputElement | null>(null);

  // Low on the screen (a tablet, the summary bar below), the suggestions would open under the
  // bottom edge: bring the field up to the top first.
  useEffect(() => {
    const el = input.current;
    if (expanded && el && el.getBoundingClientRect().top > window.innerHeight * 0.4)
      el.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [expanded]);

  function close() {
    setOpen(false);
    setActive(-1);
  }
  function pick(suggestion: SkuSuggestion) {
    close();
    onPick(suggestion);
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      if (results.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 && step < 0 ? results.length - 1 : (i + step + results.length) % results.length));
      return;
    }
    if (e.key === 'Enter') {
      // Never submits the order: Enter adds the item.
      e.preventDefault();
      if (current >= 0) return pick(results[current]);
      close();
      onCode();
      return;
    }
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  }

  const status =
    !open || search.q.length < SKU_SEARCH_MIN_LENGTH
      ? ''
      : search.isError
        ? t('orders.new.searchFailed')
        : !search.settled
          ? t('orders.new.searching')
          : results.length === 0
            ? t('orders.new.noMatch', { query: search.q })
            : t('orders.new.suggestions', { count: results.length });

  return (
    <div className="relative grid gap-1.5">
      <Label htmlFor={id} size="sm">
        {t('orders.new.product')}
      </Label>
      <div className="relative">
        <Input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          className="scroll-mt-20 pr-8"
          {...field}
          ref={(el) => {
            field.ref(el);
            input.current = el;
          }}
          onChange={(e) => {
            setOpen(true);
            setActive(-1);
            void field.onChange(e);
          }}
          onBlur={(e) => {
            close();
            void field.onBlur(e);
          }}
          onKeyDown={onKeyDown}
        />
        {open && search.q.length >= SKU_SEARCH_MIN_LENGTH && !search.settled ? (
          <Icon
            node={LoaderCircle}
            aria-hidden
            className="absolute top-2.5 right-2.5 size-4 animate-spin text-muted-foreground"
          />
        ) : null}
      </div>
      {/* Said to a screen reader as it changes; shown when nothing matches. */}
      <p
        id={statusId}
        role="status"
        className={
          open && search.settled && results.length === 0 && status
            ? 'absolute top-full left-0 z-30 mt-1 w-[36rem] max-w-[calc(100vw-2rem)] min-w-full rounded-md border border-border bg-surface px-3 py-2 text-sm text-muted-foreground shadow-lg'
            : 'sr-only'
        }
      >
        {status}
      </p>
      {/* Wider than the field: names, sizes and colours are read in full. */}
      <ul
        id={listId}
        role="listbox"
        aria-label={t('orders.new.suggestionsLabel')}
        hidden={!expanded}
        className="absolute top-full left-0 z-30 mt-1 max-h-[min(24rem,60vh)] w-[36rem] max-w-[calc(100vw-2rem)] min-w-full overflow-y-auto rounded-md border border-border bg-surface p-1 shadow-lg"
      >
        {/* Options exist only while shown: a closed list names nothing twice on the page. */}
        {(expanded ? results : []).map((s, i) => (
          // The keyboard works from the field (aria-activedescendant): an option never takes the focus.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={s.variantId}
            id={optionId(i)}
            role="option"
            data-sku={s.sku}
            aria-selected={i === current}
            // Keeps the focus in the field, so the pick is the field's.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(s)}
            className={clsx(
              'grid cursor-pointer gap-0.5 rounded-sm px-2.5 py-2 text-sm hover:bg-muted',
              i === current && 'bg-muted',
            )}
          >
            <span className="break-words">
              <span className="font-medium">{s.productName}</span> — {s.title}
            </span>
            <span className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
              <span className="font-mono">{s.sku}</span>
              <span className="tabular-nums">{t('orders.new.available', { count: s.available })}</span>
              <span className="tabular-nums">{formatMoney(s.priceCents, s.currency)}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
