'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { Check, PackageCheck, RotateCcw, Truck, XCircle } from 'lucide-react';
import { actionErrorMessage } from '@/components/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { cancelOrderAction, confirmOrderAction, returnOrderAction, shipOrderAction } from '@/lib/next/actions/orders';
import { useI18n } from '@/lib/next/i18n-client';
import { ActionDialog, useActionForm } from '@/components/ui/action-dialog';
import { ReasonField } from './reason-field';

export type ActionLine = {
  id: string;
  sku: string;
  productName: string | null;
  quantity: number;
  quantityReturned: number;
};

type Allowed = { confirm: boolean; ship: boolean; cancel: boolean; return: boolean };
type ReturnLocation = { id: string; label: string; restock: boolean };

/**
 * What can be done to an order now, given its status and the viewer's rights (the server checks
 * both again). Each action that moves stock asks first, in a dialog.
 */
export function OrderActions({
  orderId,
  number,
  currency,
  allowed,
  lines,
  returnLocations,
}: {
  orderId: string;
  number: string;
  currency: string;
  allowed: Allowed;
  lines: readonly ActionLine[];
  /** Stores where this user may take the return, and whether they may put units back in stock there. */
  returnLocations: readonly ReturnLocation[];
}) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const canReturn = allowed.return && returnLocations.length > 0 && lines.some((l) => l.quantityReturned < l.quantity);
  if (!allowed.confirm && !allowed.ship && !allowed.cancel && !canReturn && !notice) return null;

  const done = (message: string) => {
    setError(null);
    setNotice(message);
  };

  return (
    <div className="flex flex-col items-end gap-2">
      <div role="group" aria-label={t('orders.actions.label')} className="flex flex-wrap justify-end gap-2">
        {allowed.confirm ? (
          <Button
            variant={allowed.ship ? 'secondary' : 'primary'}
            disabled={pending}
            aria-busy={pending || undefined}
            onClick={() =>
              startTransition(async () => {
                const result = await confirmOrderAction({ orderId });
                if (result.ok) done(t('orders.actions.confirmed'));
                else setError(actionErrorMessage(t, result));
              })
            }
          >
            <Check aria-hidden />
            {pending ? t('orders.actions.working') : t('orders.actions.confirm')}
          </Button>
        ) : null}
        {allowed.ship ? (
          <ShipDialog orderId={orderId} number={number} onDone={() => done(t('orders.actions.shipped'))} />
        ) : null}
        {canReturn ? (
          <ReturnDialog
            orderId={orderId}
            number={number}
            currency={currency}
            lines={lines}
            locations={returnLocations}
            onDone={(message) => done(message)}
          />
        ) : null}
        {allowed.cancel ? (
          <CancelDialog orderId={orderId} number={number} onDone={() => done(t('orders.actions.cancelled'))} />
        ) : null}
      </div>
      {error ? (
        <Alert tone="error" className="max-w-md">
          {error}
        </Alert>
      ) : null}
      {notice ? (
        <Alert tone="success" className="max-w-md">
          {notice}
        </Alert>
      ) : null}
    </div>
  );
}

function ShipDialog({ orderId, number, onDone }: { orderId: string; number: string; onDone: () => void }) {
  const { t } = useI18n();
  const ids = useId();
  const form = useActionForm();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const carrier = text('carrier');
    const tracking = text('tracking');
    form.run(async () => {
      const result = await shipOrderAction({ orderId, carrier: carrier || undefined, tracking: tracking || undefined });
      if (result.ok) {
        form.close();
        onDone();
      } else form.setError(actionErrorMessage(t, result));
    });
  }
  return (
    <ActionDialog
      form={form}
      pendingLabel={t('orders.actions.working')}
      trigger={
        <Button>
          <Truck aria-hidden />
          {t('orders.actions.ship')}
        </Button>
      }
      title={t('orders.actions.shipTitle', { number })}
      description={t('orders.actions.shipDescription')}
      onSubmit={submit}
      submitLabel={t('orders.actions.shipSubmit')}
      submitIcon={<PackageCheck aria-hidden />}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`${ids}-carrier`}>{t('orders.actions.carrier')}</Label>
          <Input id={`${ids}-carrier`} name="carrier" maxLength={50} autoComplete="off" placeholder="Colissimo" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${ids}-tracking`}>{t('orders.actions.tracking')}</Label>
          <Input id={`${ids}-tracking`} name="tracking" maxLength={100} autoComplete="off" spellCheck={false} />
        </div>
      </div>
    </ActionDialog>
  );
}

function CancelDialog({ orderId, number, onDone }: { orderId: string; number: string; onDone: () => void }) {
  const { t } = useI18n();
  const ids = useId();
  const form = useActionForm();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < 3;
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setTouched(true);
    if (tooShort) return;
    form.run(async () => {
      const result = await cancelOrderAction({ orderId, reason: reason.trim() });
      if (result.ok) {
        form.close();
        onDone();
      } else form.setError(actionErrorMessage(t, result));
    });
  }
  return (
    <ActionDialog
      form={form}
      pendingLabel={t('orders.actions.working')}
      trigger={
        <Button variant="secondary">
          <XCircle aria-hidden />
          {t('orders.actions.cancel')}
        </Button>
      }
      title={t('orders.actions.cancelTitle', { number })}
      description={t('orders.actions.cancelDescription')}
      noValidate
      onSubmit={submit}
      cancelLabel={t('orders.actions.keep')}
      submitLabel={t('orders.actions.cancelSubmit')}
      destructive
    >
      <ReasonField
        id={`${ids}-reason`}
        name="reason"
        value={reason}
        onChange={setReason}
        onBlur={() => setTouched(true)}
        invalid={touched && tooShort}
      />
    </ActionDialog>
  );
}

function ReturnDialog({
  orderId,
  number,
  currency,
  lines,
  locations,
  onDone,
}: {
  orderId: string;
  number: string;
  currency: string;
  lines: readonly ActionLine[];
  locations: readonly ReturnLocation[];
  onDone: (message: string) => void;
}) {
  const { t, formatMoney } = useI18n();
  const ids = useId();
  const form = useActionForm();
  const open = lines.filter((l) => l.quantityReturned < l.quantity);
  const [locationId, setLocationId] = useState(locations[0]?.id ?? '');
  const [qty, setQty] = useState<Record<string, string>>({});
  const [restock, setRestock] = useState<Record<string, boolean>>({});
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);

  // Restocking is offered only where this user may do it (the server checks 'orders.restock' again).
  const mayRestock = locations.find((l) => l.id === locationId)?.restock ?? false;
  const chosen = open
    .map((l) => ({
      lineId: l.id,
      quantity: Math.min(Number.parseInt(qty[l.id] ?? '0', 10) || 0, l.quantity - l.quantityReturned),
      restock: mayRestock && (restock[l.id] ?? true),
    }))
    .filter((l) => l.quantity > 0);
  const tooShort = reason.trim().length < 3;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setTouched(true);
    if (chosen.length === 0) return form.setError(t('orders.actions.returnNothing'));
    if (tooShort) return form.setError(null);
    form.setError(null);
    form.run(async () => {
      const result = await returnOrderAction({ orderId, locationId, reason: reason.trim(), lines: chosen });
      if (result.ok) {
        form.close();
        setQty({});
        setReason('');
        setTouched(false);
        onDone(
          t('orders.actions.returned', { units: result.data.units, amount: formatMoney(result.data.cents, currency) }),
        );
      } else form.setError(actionErrorMessage(t, result));
    });
  }

  return (
    <ActionDialog
      form={form}
      pendingLabel={t('orders.actions.working')}
      trigger={
        <Button variant="secondary">
          <RotateCcw aria-hidden />
          {t('orders.actions.return')}
        </Button>
      }
      title={t('orders.actions.returnTitle', { number })}
      description={t('orders.actions.returnDescription')}
      className="max-w-2xl"
      noValidate
      onSubmit={submit}
      submitLabel={t('orders.actions.returnSubmit')}
    >
      <div className="grid gap-1.5 sm:max-w-xs">
        <Label htmlFor={`${ids}-store`}>{t('orders.actions.returnStore')}</Label>
        <NativeSelect id={`${ids}-store`} value={locationId} onChange={(e) => setLocationId(e.target.value)}>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">{t('orders.actions.returnQuantity')}</legend>
        <ul className="grid max-h-72 gap-2 overflow-y-auto">
          {open.map((l) => {
            const max = l.quantity - l.quantityReturned;
            return (
              <li
                key={l.id}
                className="grid grid-cols-[minmax(0,1fr)_auto_auto] items-center gap-3 rounded-md border border-border px-3 py-2"
              >
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium">{l.productName ?? l.sku}</p>
                  <p className="font-mono text-xs text-muted-foreground">{l.sku}</p>
                </div>
                <div className="flex items-center gap-1.5">
                  <Input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={max}
                    step={1}
                    value={qty[l.id] ?? '0'}
                    onChange={(e) => setQty((q) => ({ ...q, [l.id]: e.target.value }))}
                    aria-label={`${t('orders.actions.returnQuantity')} — ${l.sku}`}
                    className="w-20 text-right tabular-nums"
                  />
                  <span className="whitespace-nowrap text-xs text-muted-foreground">
                    {t('orders.actions.returnOf', { max })}
                  </span>
                </div>
                {mayRestock ? (
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-primary"
                      checked={restock[l.id] ?? true}
                      onChange={(e) => setRestock((r) => ({ ...r, [l.id]: e.target.checked }))}
                    />
                    {t('orders.actions.restock')}
                  </label>
                ) : (
                  <span className="text-xs text-muted-foreground">{t('orders.actions.noRestock')}</span>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <ReasonField
        id={`${ids}-reason`}
        value={reason}
        onChange={setReason}
        onBlur={() => setTouched(true)}
        invalid={touched && tooShort}
      />
    </ActionDialog>
  );
}
