'use client';

import { createContext, use, useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { Icon } from '@/components/ui/icons';
import { Check, Printer, X } from 'lucide';
import { clsx } from 'clsx';
import { actionErrorMessage } from '@/components/action-result';
import { Button, buttonVariants } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/lazy-confirm';
import { toast } from '@/components/ui/toast';
import { confirmOrdersAction } from '@/lib/next/actions/orders';
import { useI18n } from '@/lib/next/i18n-client';
import type { BulkOrderResult } from '@/lib/orders/confirm-orders';

type Selection = {
  selected: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
  setAll: (on: boolean) => void;
  ids: readonly string[];
};

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = use(SelectionContext);
  if (!selection) throw new Error('Order checkboxes belong inside <OrderSelection>.');
  return selection;
}

/**
 * The orders list's selection: a checkbox per row (RowCheckbox, SelectAllCheckbox in the table the
 * server renders) and, once rows are chosen, the bar of what can be done to them: confirm (after
 * a confirmation, each order on its own, with the result of each one listed) and print their
 * packing slips (a printable page in a new tab). The server checks every order again.
 */
export function OrderSelection({
  rows,
  canConfirm,
  children,
}: {
  rows: readonly { id: string; number: string }[];
  canConfirm: boolean;
  children: ReactNode;
}) {
  const ids = rows.map((r) => r.id);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [results, setResults] = useState<BulkOrderResult[] | null>(null);
  // Rows of another page (after a refresh or a filter) leave the selection.
  const current = new Set([...selected].filter((id) => ids.includes(id)));
  const selection: Selection = {
    selected: current,
    ids,
    toggle: (id, on) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setAll: (on) => setSelected(on ? new Set(ids) : new Set()),
  };
  return (
    <SelectionContext value={selection}>
      {results ? <BulkResults results={results} onDismiss={() => setResults(null)} /> : null}
      {current.size > 0 ? (
        <BulkBar
          chosen={ids.filter((id) => current.has(id))}
          canConfirm={canConfirm}
          onClear={() => setSelected(new Set())}
          onResults={(r) => {
            setResults(r);
            // What was confirmed leaves the selection; what was refused stays chosen, to act on again.
            setSelected(new Set(r.filter((x) => x.outcome === 'refused').map((x) => x.orderId)));
          }}
        />
      ) : null}
      {children}
    </SelectionContext>
  );
}

export function SelectAllCheckbox() {
  const { t } = useI18n();
  const { selected, ids, setAll } = useSelection();
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  return (
    <input
      type="checkbox"
      className="size-4 accent-primary align-middle"
      aria-label={t('orders.bulk.selectAll')}
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = selected.size > 0 && !all;
      }}
      onChange={(e) => setAll(e.target.checked)}
    />
  );
}

export function RowCheckbox({ id, number }: { id: string; number: string }) {
  const { t } = useI18n();
  const { selected, toggle } = useSelection();
  return (
    <input
      type="checkbox"
      className="size-4 accent-primary align-middle"
      aria-label={t('orders.bulk.select', { number })}
      checked={selected.has(id)}
      onChange={(e) => toggle(id, e.target.checked)}
    />
  );
}

function BulkBar({
  chosen,
  canConfirm,
  onClear,
  onResults,
}: {
  chosen: readonly string[];
  canConfirm: boolean;
  onClear: () => void;
  onResults: (results: BulkOrderResult[]) => void;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const count = chosen.length;

  async function confirmChosen() {
    const result = await confirmOrdersAction({ orderIds: [...chosen] });
    if (!result.ok) {
      toast.error(actionErrorMessage(t, result));
      return;
    }
    const done = result.data.filter((r) => r.outcome !== 'refused').length;
    const refused = result.data.length - done;
    if (refused === 0) toast.success(t('orders.bulk.done', { count: done }));
    else toast.error(t('orders.bulk.someRefused', { done, refused }));
    onResults(result.data);
    startTransition(() => router.refresh());
  }

  return (
    <div
      role="group"
      aria-label={t('orders.bulk.label')}
      className="sticky top-14 z-10 mb-2 flex flex-wrap items-center gap-2 rounded-lg border border-info-border bg-info-soft px-3 py-2 shadow-card print:hidden"
    >
      <span className="mr-auto text-sm font-medium" aria-live="polite">
        {t('orders.bulk.selected', { count })}
      </span>
      {canConfirm ? (
        <ConfirmDialog
          title={t('orders.bulk.confirmTitle', { count })}
          description={t('orders.bulk.confirmDescription')}
          confirmLabel={t('orders.bulk.confirmSubmit')}
          onConfirm={confirmChosen}
          trigger={
            <Button size="sm" disabled={pending}>
              <Icon node={Check} aria-hidden />
              {t('orders.bulk.confirm')}
            </Button>
          }
        />
      ) : null}
      <a
        data-slot="button"
        href={`/orders/packing-slips?ids=${chosen.join(',')}`}
        target="_blank"
        rel="noopener"
        className={clsx(buttonVariants({ variant: 'secondary', size: 'sm' }))}
      >
        <Icon node={Printer} aria-hidden />
        {t('orders.bulk.printSlips')}
      </a>
      <Button size="sm" variant="ghost" onClick={onClear}>
        <Icon node={X} aria-hidden />
        {t('orders.bulk.clear')}
      </Button>
    </div>
  );
}

function BulkResults({ results, onDismiss }: { results: readonly BulkOrderResult[]; onDismiss: () => void }) {
  const { t } = useI18n();
  const done = results.filter((r) => r.outcome === 'done').length;
  const unchanged = results.filter((r) => r.outcome === 'unchanged').length;
  const refused = results.filter((r) => r.outcome === 'refused');
  return (
    <section
      aria-label={t('orders.bulk.resultTitle')}
      className={clsx(
        'mb-3 rounded-lg border px-4 py-3 text-sm print:hidden',
        refused.length
          ? 'border-waiting-border bg-waiting-soft text-foreground'
          : 'border-done-border bg-done-soft text-foreground',
      )}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="grid gap-1">
          <p className="font-medium">
            {t('orders.bulk.resultDone', { count: done })}
            {unchanged ? ` · ${t('orders.bulk.resultUnchanged', { count: unchanged })}` : ''}
          </p>
          {refused.length ? (
            <>
              <p>{t('orders.bulk.resultRefused')}</p>
              <ul className="list-disc pl-5">
                {refused.map((r) => (
                  <li key={r.orderId}>
                    <RefusalText result={r} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          {t('orders.bulk.dismiss')}
        </Button>
      </div>
    </section>
  );
}

function RefusalText({ result }: { result: BulkOrderResult }) {
  const { t } = useI18n();
  if (!result.number) return t('orders.bulk.refusedForbidden');
  if (result.code === 'illegal_transition' && result.status) {
    const status = t(`orders.status.${result.status as 'placed'}`).toLowerCase();
    return t('orders.bulk.refusedStatus', { number: result.number, status });
  }
  return t('orders.bulk.refusedOther', {
    number: result.number,
    message: actionErrorMessage(t, { ok: false, code: result.code ?? 'internal', message: '' }),
  });
}
