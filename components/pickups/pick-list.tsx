'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { Icon } from '@/components/ui/icons';
import { ArrowRightLeft, Check, PackageCheck, ScanBarcode, Scissors, Store, TriangleAlert, Truck, Undo2 } from 'lucide';
import { toast } from '@/components/ui/toast';
import { actionErrorMessage, reportResult } from '@/components/action-result';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/lazy-confirm';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import {
  acceptPartialOrderAction,
  finishPickingAction,
  pickLineAction,
  reroutePickupAction,
  scanPickLineAction,
  shipInsteadAction,
  waitForTransferAction,
} from '@/lib/next/actions/picking';
import { useI18n } from '@/lib/next/i18n-client';

export type PickLineView = {
  orderLineId: string;
  sku: string;
  barcode: string | null;
  productName: string;
  variantTitle: string;
  bin: string | null;
  quantity: number;
  picked: number;
  short: number;
  shortReason: 'not_found' | 'damaged' | null;
};

// A line's "missing" dialog, with react-hook-form and Radix's dialog, loads when its button is about to be used.
const ShortDialog = lazyDialog<{ pickupId: string; line: PickLineView }>(() =>
  import('./short-dialog').then((m) => m.ShortDialog),
);

/**
 * The pick list's interactive part: the scan field (a keyboard-wedge scanner types the code and
 * Enter), each line's tap and its "missing" dialog, the outcomes once units are missing, and the
 * ready button once every line is in the basket. Results are toasts; the page re-renders with
 * the server's state after each action.
 */
export function PickList({
  pickupId,
  currency,
  lines,
  pickable,
  rerouteStores,
}: {
  pickupId: string;
  currency: string;
  lines: readonly PickLineView[];
  pickable: boolean;
  rerouteStores: readonly { id: string; label: string }[];
}) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const anyShort = lines.some((l) => l.short > 0);
  const complete = lines.length > 0 && !anyShort && lines.every((l) => l.picked >= l.quantity);
  const total = lines.reduce((n, l) => n + l.quantity - l.short, 0);
  const picked = lines.reduce((n, l) => n + l.picked, 0);

  return (
    <div className="flex flex-col gap-4">
      {pickable ? <ScanField pickupId={pickupId} lines={lines} /> : null}
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {t('pickups.pick.progress', { picked, total })}
      </p>
      <Table aria-label={t('pickups.pick.linesLabel')}>
        <TableHeader>
          <TableRow>
            <TableHead>{t('pickups.pick.product')}</TableHead>
            <TableHead>{t('pickups.pick.bin')}</TableHead>
            <TableHead>{t('pickups.pick.sku')}</TableHead>
            <TableHead>{t('pickups.pick.barcode')}</TableHead>
            <TableHead numeric>{t('pickups.pick.quantity')}</TableHead>
            <TableHead numeric>{t('pickups.pick.pickedHead')}</TableHead>
            {pickable ? <TableHead className="w-0" /> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {lines.map((l) => {
            const need = l.quantity - l.short;
            const done = l.picked >= need && need > 0;
            return (
              <TableRow key={l.orderLineId} data-line={l.sku} data-picked={done || undefined}>
                <TableCell>
                  <div className="font-medium">{l.productName}</div>
                  <div className="text-sm text-muted-foreground">{l.variantTitle}</div>
                  {l.short > 0 ? (
                    <Badge variant="problem" className="mt-1">
                      {t('pickups.pick.shortBadge', { n: l.short })}
                      {l.shortReason ? ` · ${t(`pickups.pick.reason.${l.shortReason}`)}` : ''}
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell className="font-medium">{l.bin ?? '—'}</TableCell>
                <TableCell className="font-mono">{l.sku}</TableCell>
                <TableCell className="font-mono text-sm">{l.barcode ?? '—'}</TableCell>
                <TableCell className="text-right tabular-nums">{l.quantity}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {done ? <Icon node={Check} aria-hidden className="mr-1 inline size-4 text-done" /> : null}
                  {l.picked} / {need}
                </TableCell>
                {pickable ? (
                  <TableCell>
                    <div className="flex justify-end gap-2">
                      {done ? (
                        <Button
                          variant="secondary"
                          size="sm"
                          disabled={pending}
                          aria-label={t('pickups.pick.unpickAria', { sku: l.sku })}
                          onClick={() =>
                            startTransition(async () => {
                              const r = await pickLineAction({ pickupId, orderLineId: l.orderLineId, quantity: 0 });
                              if (!r.ok) toast.error(actionErrorMessage(t, r));
                            })
                          }
                        >
                          <Icon node={Undo2} aria-hidden />
                          {t('pickups.pick.unpick')}
                        </Button>
                      ) : need > 0 ? (
                        <Button
                          size="sm"
                          disabled={pending}
                          aria-label={t('pickups.pick.pickAria', { sku: l.sku })}
                          onClick={() =>
                            startTransition(async () => {
                              reportResult(
                                t,
                                await pickLineAction({ pickupId, orderLineId: l.orderLineId, quantity: need }),
                                t('pickups.pick.picked', { sku: l.sku }),
                              );
                            })
                          }
                        >
                          <Icon node={Check} aria-hidden />
                          {t('pickups.pick.pick')}
                        </Button>
                      ) : null}
                      {need > 0 ? (
                        <ShortDialog
                          pickupId={pickupId}
                          line={l}
                          trigger={
                            <Button
                              variant="secondary"
                              size="sm"
                              aria-label={t('pickups.pick.shortAria', { sku: l.sku })}
                            >
                              <Icon node={TriangleAlert} aria-hidden />
                              {t('pickups.pick.short')}
                            </Button>
                          }
                        />
                      ) : null}
                    </div>
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {pickable && anyShort ? <Outcomes pickupId={pickupId} currency={currency} rerouteStores={rerouteStores} /> : null}
      {pickable && complete ? (
        <div className="flex justify-end">
          <ConfirmDialog
            trigger={
              <Button size="lg">
                <Icon node={PackageCheck} aria-hidden />
                {t('pickups.pick.ready')}
              </Button>
            }
            title={t('pickups.pick.ready')}
            description={t('pickups.pick.readyConfirm')}
            confirmLabel={t('pickups.pick.ready')}
            onConfirm={async () => {
              const r = await finishPickingAction({ pickupId });
              reportResult(t, r, (d) => t('pickups.pick.readyDone', { code: d.code ?? '' }));
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

/** The scan field: one unit per code, on Enter; the field empties and keeps the focus for the next scan. */
function ScanField({ pickupId, lines }: { pickupId: string; lines: readonly PickLineView[] }) {
  const { t } = useI18n();
  const id = useId();
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = code.trim();
    if (!value || pending) return;
    const upper = value.toUpperCase();
    const match = lines.filter((l) => l.barcode === value || l.sku === upper);
    const seen = match.length > 0 ? match.reduce((n, l) => n + l.picked, 0) : undefined;
    setCode('');
    startTransition(async () => {
      const r = await scanPickLineAction({ pickupId, code: value, seen });
      if (r.ok) {
        const text = t('pickups.pick.scanned', {
          sku: r.data.line.sku,
          picked: r.data.line.picked,
          quantity: r.data.line.quantity - r.data.line.short,
        });
        setStatus({ ok: true, text });
      } else {
        const reason = r.details?.reason;
        const text =
          reason === 'not_in_order'
            ? t('pickups.pick.notInOrder', { code: value })
            : reason === 'already_picked'
              ? t('pickups.pick.alreadyPicked', { sku: typeof r.details?.sku === 'string' ? r.details.sku : value })
              : actionErrorMessage(t, r);
        setStatus({ ok: false, text });
        toast.error(text);
      }
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      className="flex max-w-md flex-col gap-1.5"
      role="search"
      aria-label={t('pickups.pick.scanLabel')}
    >
      <Label htmlFor={id}>{t('pickups.pick.scanLabel')}</Label>
      <div className="relative">
        <Icon
          node={ScanBarcode}
          aria-hidden
          className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          id={id}
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={t('pickups.pick.scanPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="go"
          autoFocus
          aria-busy={pending || undefined}
          aria-describedby={`${id}-status`}
          className="pl-8 font-mono"
        />
      </div>
      <p
        id={`${id}-status`}
        role="status"
        className={status?.ok === false ? 'text-sm text-destructive' : 'text-sm text-muted-foreground'}
      >
        {status?.text ?? ''}
      </p>
    </form>
  );
}

/** What happens to an order with missing units: each choice confirmed first, as none can be undone. */
function Outcomes({
  pickupId,
  currency,
  rerouteStores,
}: {
  pickupId: string;
  currency: string;
  rerouteStores: readonly { id: string; label: string }[];
}) {
  const { t, formatMoney } = useI18n();
  const selectId = useId();
  const [storeId, setStoreId] = useState(rerouteStores[0]?.id ?? '');
  const storeLabel = rerouteStores.find((s) => s.id === storeId)?.label ?? '';
  return (
    <section
      aria-labelledby={`${selectId}-title`}
      className="rounded-lg border border-waiting-border bg-waiting-soft p-4"
    >
      <h2 id={`${selectId}-title`} className="text-base font-semibold">
        {t('pickups.pick.outcomes.title')}
      </h2>
      <p className="mb-3 text-sm text-muted-foreground">{t('pickups.pick.outcomes.description')}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <Choice help={t('pickups.pick.outcomes.transferHelp')}>
          <ConfirmDialog
            trigger={
              <Button variant="secondary">
                <Icon node={ArrowRightLeft} aria-hidden />
                {t('pickups.pick.outcomes.transfer')}
              </Button>
            }
            title={t('pickups.pick.outcomes.transfer')}
            description={t('pickups.pick.outcomes.transferHelp')}
            onConfirm={async () => {
              reportResult(t, await waitForTransferAction({ pickupId }), (d) =>
                t('pickups.pick.outcomes.transferDone', d),
              );
            }}
          />
        </Choice>
        <Choice help={t('pickups.pick.outcomes.rerouteHelp')}>
          {rerouteStores.length === 0 ? (
            <p className="text-sm">{t('pickups.pick.outcomes.rerouteNone')}</p>
          ) : (
            <div className="flex flex-wrap items-end gap-2">
              <div className="flex flex-col gap-1">
                <Label htmlFor={selectId}>{t('pickups.pick.outcomes.rerouteStore')}</Label>
                <NativeSelect id={selectId} value={storeId} onChange={(e) => setStoreId(e.target.value)}>
                  {rerouteStores.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                </NativeSelect>
              </div>
              <ConfirmDialog
                trigger={
                  <Button variant="secondary">
                    <Icon node={Store} aria-hidden />
                    {t('pickups.pick.outcomes.reroute')}
                  </Button>
                }
                title={t('pickups.pick.outcomes.reroute')}
                description={t('pickups.pick.outcomes.rerouteConfirm', { store: storeLabel })}
                destructive
                onConfirm={async () => {
                  reportResult(t, await reroutePickupAction({ pickupId, locationId: storeId }), () =>
                    t('pickups.pick.outcomes.rerouteDone'),
                  );
                }}
              />
            </div>
          )}
        </Choice>
        <Choice help={t('pickups.pick.outcomes.shipHelp')}>
          <ConfirmDialog
            trigger={
              <Button variant="secondary">
                <Icon node={Truck} aria-hidden />
                {t('pickups.pick.outcomes.ship')}
              </Button>
            }
            title={t('pickups.pick.outcomes.ship')}
            description={t('pickups.pick.outcomes.shipConfirm')}
            destructive
            onConfirm={async () => {
              reportResult(t, await shipInsteadAction({ pickupId }), () => t('pickups.pick.outcomes.shipDone'));
            }}
          />
        </Choice>
        <Choice help={t('pickups.pick.outcomes.partialHelp')}>
          <ConfirmDialog
            trigger={
              <Button variant="secondary">
                <Icon node={Scissors} aria-hidden />
                {t('pickups.pick.outcomes.partial')}
              </Button>
            }
            title={t('pickups.pick.outcomes.partial')}
            description={t('pickups.pick.outcomes.partialConfirm')}
            destructive
            onConfirm={async () => {
              reportResult(t, await acceptPartialOrderAction({ pickupId }), (d) =>
                t('pickups.pick.outcomes.partialDone', { amount: formatMoney(d.refundCents, d.currency || currency) }),
              );
            }}
          />
        </Choice>
      </div>
    </section>
  );
}

function Choice({ help, children }: { help: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      {children}
      <p className="text-sm text-muted-foreground">{help}</p>
    </div>
  );
}
