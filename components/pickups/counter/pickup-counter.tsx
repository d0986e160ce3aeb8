'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import dynamic from 'next/dynamic';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Icon } from '@/components/ui/icons';
import { ScanLine, X } from 'lucide';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { useI18n } from '@/lib/next/i18n-client';
import { formatPickupCode } from '@/lib/pickups/code-format';
import type { CounterPickup, LookupResult } from '@/lib/pickups/lookup';
import { useBarcodeDetector } from './camera-support';
import type { HandedOver, Lost } from './hand-over-panel';

// The hand-over form (react-hook-form, the confirmation dialog) and the camera's dialog arrive
// after the page, in chunks of their own: the field is usable at once, and the panel's chunk is
// fetched as soon as the page has hydrated, before anyone has chosen a parcel.
const loadPanel = () => import('./hand-over-panel').then((m) => m.HandOverPanel);
const HandOverPanel = dynamic(loadPanel, { ssr: false, loading: () => <Skeleton className="h-72 w-full" /> });
const CameraScan = dynamic(() => import('./camera-scan').then((m) => m.CameraScan), { ssr: false });

export type CounterStore = { id: string; code: string; name: string; timeZone: string };

/** How long typing pauses before the search goes: a scanner types a whole code well within it. */
const DEBOUNCE_MS = 200;

/** The search's answer, with when it arrived (what "hold ended" is measured against). */
type Found = LookupResult & { at: number };

async function fetchLookup(locationId: string, q: string, signal: AbortSignal): Promise<Found> {
  const response = await fetch(`/pickups/counter/lookup?${new URLSearchParams({ location: locationId, q })}`, {
    headers: { accept: 'application/json' },
    signal,
  });
  if (!response.ok) throw new Error(`lookup ${response.status}`);
  return { ...((await response.json()) as LookupResult), at: Date.now() };
}

const lookupKey = (locationId: string, q: string) => ['pickups', 'counter', locationId, q] as const;

/**
 * The counter: one field for what the customer gives (a code typed or scanned by a keyboard-wedge
 * scanner, or read by the camera where the browser can; an order number; a name), searched as it
 * is typed (debounced; a request overtaken by the next keystroke is cancelled through its
 * AbortSignal), the matching ready parcels, and the hand-over of the one chosen. Enter (a
 * scanner's last key) opens the parcel at once when only one matches. After a hand-over the
 * field is cleared and focused for the next customer.
 */
export function PickupCounter({
  store,
  staffName,
  initialQuery,
}: {
  store: CounterStore;
  staffName: string;
  initialQuery: string;
}) {
  const { t, formatDateTime, formatMoney } = useI18n();
  const client = useQueryClient();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [entry, setEntry] = useState(initialQuery);
  const [q, setQ] = useState(initialQuery.trim());
  const [chosen, setChosen] = useState<CounterPickup | null>(null);
  const [outcome, setOutcome] = useState<{ done: HandedOver } | { lost: Lost } | null>(null);
  const camera = useBarcodeDetector();
  useEffect(() => void loadPanel(), []);

  useEffect(() => {
    const value = entry.trim();
    const id = setTimeout(() => setQ(value), DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [entry]);

  const search = useQuery({
    queryKey: lookupKey(store.id, q),
    queryFn: ({ signal }) => fetchLookup(store.id, q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
  });
  const result = q.length > 0 ? search.data : undefined;
  const time = (iso: string) => formatDateTime(iso, store.timeZone);

  function choose(pickup: CounterPickup) {
    setOutcome(null);
    setChosen(pickup);
  }

  /** Enter, or a scan: search now, without waiting for the pause, and open a single match. */
  async function openNow(text: string) {
    const value = text.trim();
    if (!value) return;
    setQ(value);
    try {
      const found = await client.fetchQuery({
        queryKey: lookupKey(store.id, value),
        queryFn: ({ signal }) => fetchLookup(store.id, value, signal),
        staleTime: 2_000,
      });
      if (found.pickups.length === 1) choose(found.pickups[0]);
    } catch {
      // The status line says the search failed (the query's own state).
    }
  }

  // A link from the queue ("Hand over") carries the parcel's code: open it at once.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !initialQuery.trim()) return;
    opened.current = true;
    void openNow(initialQuery);
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void openNow(entry);
  }

  function results(): HTMLButtonElement[] {
    return [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-result]') ?? [])];
  }

  function onInputKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      const first = results()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape' && entry) {
      event.preventDefault();
      setEntry('');
    }
  }

  function onResultKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = results();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) input.current?.focus();
    else buttons[Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  }

  function nextCustomer() {
    setChosen(null);
    setEntry('');
    setQ('');
    input.current?.focus();
  }

  function onDone(done: HandedOver) {
    setOutcome({ done });
    nextCustomer();
    void client.invalidateQueries({ queryKey: ['pickups'] });
  }

  function onLost(lost: Lost) {
    setChosen(null);
    setOutcome({ lost });
    const text = lostText(lost);
    toast.error(text);
    void client.invalidateQueries({ queryKey: ['pickups'] });
    input.current?.focus();
  }

  function lostText(lost: Lost): string {
    const at = lost.collectedAt ? time(lost.collectedAt) : '';
    return lost.collectedBy
      ? t('pickupCounter.lost.byWhom', { number: lost.orderNumber, name: lost.collectedBy, time: at })
      : t('pickupCounter.lost.someone', { number: lost.orderNumber, time: at });
  }

  const status = !q
    ? t('pickupCounter.search.idle')
    : search.isError
      ? t('pickupCounter.search.error')
      : !result || search.isFetching
        ? t('pickupCounter.search.searching')
        : result.query === null
          ? t('pickupCounter.search.tooShort')
          : t('pickupCounter.search.found', { count: result.pickups.length });

  return (
    <div className="grid gap-4">
      <form role="search" onSubmit={onSubmit} className="grid gap-1.5">
        <label htmlFor={inputId} className="text-sm font-medium">
          {t('pickupCounter.search.label')}
        </label>
        <div className="flex flex-wrap gap-2">
          <div className="relative min-w-0 flex-1 basis-72">
            <Icon
              node={ScanLine}
              aria-hidden
              className="pointer-events-none absolute left-3 top-1/2 size-5 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              ref={input}
              id={inputId}
              name="q"
              value={entry}
              onChange={(event) => setEntry(event.target.value)}
              onKeyDown={onInputKey}
              placeholder={t('pickupCounter.search.placeholder')}
              autoFocus
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              enterKeyHint="search"
              aria-describedby={`${inputId}-hint ${inputId}-status`}
              inputSize="lg"
              className="pl-10 pr-10"
            />
            {entry ? (
              <Button
                type="button"
                variant="ghost"
                size="icon-sm"
                className="absolute right-2 top-1/2 -translate-y-1/2"
                aria-label={t('pickupCounter.search.clear')}
                onClick={() => {
                  setEntry('');
                  input.current?.focus();
                }}
              >
                <Icon node={X} aria-hidden />
              </Button>
            ) : null}
          </div>
          {camera ? (
            <CameraScan
              onRead={(text) => {
                setEntry(text);
                input.current?.focus();
                void openNow(text);
              }}
            />
          ) : null}
        </div>
        <p id={`${inputId}-hint`} className="text-xs text-muted-foreground">
          {t('pickupCounter.search.hint')}
        </p>
        <p id={`${inputId}-status`} role="status" className="min-h-5 text-sm text-muted-foreground">
          {status}
        </p>
      </form>

      {outcome && 'done' in outcome ? (
        <Alert tone="success" data-testid="counter-done">
          <p className="font-semibold">{t('pickupCounter.done.title', { number: outcome.done.orderNumber })}</p>
          <p>{t('pickupCounter.done.body', { count: outcome.done.items, person: outcome.done.person })}</p>
          {outcome.done.refund.cents > 0 ? (
            <p>
              {t('pickupCounter.done.refund', {
                amount: formatMoney(outcome.done.refund.cents, outcome.done.refund.currency),
              })}
            </p>
          ) : null}
        </Alert>
      ) : null}
      {outcome && 'lost' in outcome ? (
        <Alert tone="error" data-testid="counter-lost">
          <p className="font-semibold">{t('pickupCounter.lost.title')}</p>
          <p>{lostText(outcome.lost)}</p>
        </Alert>
      ) : null}

      {chosen ? (
        <HandOverPanel
          key={chosen.pickupId}
          pickup={chosen}
          staffName={staffName}
          onDone={onDone}
          onLost={onLost}
          onCancel={() => {
            setChosen(null);
            input.current?.focus();
          }}
        />
      ) : result && result.pickups.length > 0 ? (
        <ul ref={list} aria-label={t('pickupCounter.search.results')} className="grid gap-2 lg:grid-cols-2">
          {result.pickups.map((p) => (
            <li key={p.pickupId}>
              <button
                type="button"
                data-result
                onClick={() => choose(p)}
                onKeyDown={onResultKey}
                aria-label={t('pickupCounter.result.choose', { number: p.orderNumber })}
                aria-describedby={`${inputId}-${p.pickupId}`}
                className="grid w-full gap-1.5 rounded-lg border border-border bg-surface p-3 text-left shadow-card transition-colors hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              >
                <span id={`${inputId}-${p.pickupId}`} className="grid gap-1.5">
                  <span className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-mono text-lg font-semibold tabular-nums tracking-wider">
                      {t('pickupCounter.result.code', { code: formatPickupCode(p.code) })}
                    </span>
                    <Badge variant="neutral">{t(`pickupCounter.result.match.${p.match}`)}</Badge>
                  </span>
                  <span className="flex flex-wrap gap-x-3 text-sm">
                    <span className="font-medium">{t('pickupCounter.result.order', { number: p.orderNumber })}</span>
                    <span>{p.customerName || t('pickupCounter.result.noCustomer')}</span>
                  </span>
                  <span className="grid gap-0.5 text-sm">
                    {p.lines.map((l) => (
                      <span key={l.orderLineId}>
                        {t('pickupCounter.result.item', { quantity: l.quantity, name: l.name, title: l.title })}{' '}
                        <span className="font-mono text-xs text-muted-foreground">{l.sku}</span>
                      </span>
                    ))}
                  </span>
                  <span className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
                    <span>{t('pickupCounter.result.readySince', { time: time(p.readyAt) })}</span>
                    <span>
                      {Date.parse(p.dueBy) < result.at
                        ? t('pickupCounter.result.holdOver', { time: time(p.dueBy) })
                        : t('pickupCounter.result.holdEnds', { time: time(p.dueBy) })}
                    </span>
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
