'use client';

import { useTransition } from 'react';
import { Icon } from '@/components/ui/icons';
import { Check, CircleX, RotateCcw, Truck } from 'lucide';
import { reportResult } from '@/components/action-result';
import { Button } from '@/components/ui/button';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import { confirmOrderAction } from '@/lib/next/actions/orders';
import { useI18n } from '@/lib/next/i18n-client';
import { returnableUnits } from '@/lib/orders/returnable';

export type ActionLine = {
  id: string;
  sku: string;
  productName: string | null;
  quantity: number;
  /** Units the customer took away: fewer than ordered after a partial hand-over. */
  quantityTaken: number;
  quantityReturned: number;
};

type Allowed = { confirm: boolean; ship: boolean; cancel: boolean; return: boolean };
export type ReturnLocation = { id: string; label: string; restock: boolean };

// The dialogs (react-hook-form, Radix's dialog, the forms) load when their button is about to be used.
const ShipDialog = lazyDialog(() => import('./order-dialogs').then((m) => m.ShipDialog));
const CancelDialog = lazyDialog(() => import('./order-dialogs').then((m) => m.CancelDialog));
const ReturnDialog = lazyDialog(() => import('./order-dialogs').then((m) => m.ReturnDialog));

/**
 * What can be done to an order now, given its status and the viewer's rights (the server checks
 * both again). Each action that moves stock asks first, in a dialog. Results are toasts; the page
 * shows the order's new state.
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
  const [pending, startTransition] = useTransition();
  const canReturn = allowed.return && returnLocations.length > 0 && lines.some((l) => returnableUnits(l) > 0);
  if (!allowed.confirm && !allowed.ship && !allowed.cancel && !canReturn) return null;

  return (
    <div role="group" aria-label={t('orders.actions.label')} className="flex flex-wrap justify-end gap-2">
      {allowed.confirm ? (
        <Button
          variant={allowed.ship ? 'secondary' : 'primary'}
          disabled={pending}
          aria-busy={pending || undefined}
          onClick={() =>
            startTransition(async () => {
              reportResult(t, await confirmOrderAction({ orderId }), t('orders.actions.confirmed'));
            })
          }
        >
          <Icon node={Check} aria-hidden />
          {pending ? t('orders.actions.working') : t('orders.actions.confirm')}
        </Button>
      ) : null}
      {allowed.ship ? (
        <ShipDialog
          orderId={orderId}
          number={number}
          trigger={
            <Button>
              <Icon node={Truck} aria-hidden />
              {t('orders.actions.ship')}
            </Button>
          }
        />
      ) : null}
      {canReturn ? (
        <ReturnDialog
          orderId={orderId}
          number={number}
          currency={currency}
          lines={lines}
          locations={returnLocations}
          trigger={
            <Button variant="secondary">
              <Icon node={RotateCcw} aria-hidden />
              {t('orders.actions.return')}
            </Button>
          }
        />
      ) : null}
      {allowed.cancel ? (
        <CancelDialog
          orderId={orderId}
          number={number}
          trigger={
            <Button variant="secondary">
              <Icon node={CircleX} aria-hidden />
              {t('orders.actions.cancel')}
            </Button>
          }
        />
      ) : null}
    </div>
  );
}
