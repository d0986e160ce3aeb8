'use client';

import { Icon } from '@/components/ui/icons';
import { Check, PackageCheck, ScanBarcode, Truck, Undo2, X } from 'lucide';
import { reportResult } from '@/components/action-result';
import { Button, ButtonLink } from '@/components/ui/button';
import { ConfirmDialog as ReasonDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { ConfirmDialog } from '@/components/ui/lazy-confirm';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import { Textarea } from '@/components/ui/textarea';
import { cancelTransferAction, declineTransferRequestAction, shipTransferAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import type { RequestLine } from './accept-request-dialog';

export type Line = { variantId: string; sku: string; productName: string; variantTitle: string; quantity: number };

// The receipt dialog, with react-hook-form and Radix's dialog, loads when its button is about to be used.
const ReceiveDialog = lazyDialog<{ transferId: string; number: string; destination: string; lines: Line[] }>(() =>
  import('./receive-dialog').then((m) => m.ReceiveDialog),
);

const AcceptRequestDialog = lazyDialog<{
  transferId: string;
  number: string;
  source: string;
  destination: string;
  lines: RequestLine[];
  expectedOn: string;
  today: string;
}>(() => import('./accept-request-dialog').then((m) => m.AcceptRequestDialog));

const declineSchema = () => import('@/lib/inventory/schemas').then((m) => m.ZDeclineTransferRequestInput);

/** A request's answer, for the location asked: its lines with what it can spare, the day offered, its today. */
export type RequestAnswer = { lines: RequestLine[]; expectedOn: string; today: string };

/**
 * Accept / Decline (a request, at its source), Withdraw (a request, at the store that asked), Ship,
 * Receive (all at once, or by scanning) and Cancel, offered by the page according to the status and
 * the user's rights; the server decides again.
 */
export function TransferActions({
  transferId,
  number,
  units,
  source,
  destination,
  lines,
  answer,
  canWithdraw,
  canShip,
  canReceive,
  canCancel,
  inTransit,
}: {
  transferId: string;
  number: string;
  units: number;
  source: string;
  destination: string;
  lines: Line[];
  /** Set when the user may answer the request. */
  answer: RequestAnswer | null;
  canWithdraw: boolean;
  canShip: boolean;
  canReceive: boolean;
  canCancel: boolean;
  inTransit: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {answer ? (
        <>
          <AcceptRequestDialog
            transferId={transferId}
            number={number}
            source={source}
            destination={destination}
            lines={answer.lines}
            expectedOn={answer.expectedOn}
            today={answer.today}
            trigger={
              <Button>
                <Icon node={Check} aria-hidden />
                {t('inventory.transfers.accept')}
              </Button>
            }
          />
          <ReasonDialog
            labels={{
              trigger: t('inventory.transfers.decline'),
              title: t('inventory.transfers.declineTitle', { number }),
              description: t('inventory.transfers.declineDescription', { location: destination }),
              submit: t('inventory.transfers.decline'),
              pending: t('inventory.transfers.declining'),
              done: t('inventory.transfers.declined'),
            }}
            icon={<Icon node={X} aria-hidden />}
            destructive
            schema={declineSchema}
            values={() => ({ transferId, reason: '' })}
            action={declineTransferRequestAction}
            fields={(form) => (
              <Field
                label={t('inventory.transfers.declineReason')}
                error={form.formState.errors.reason ? t('inventory.transfers.needDeclineReason') : null}
              >
                {(props) => <Textarea {...props} rows={3} maxLength={500} {...form.register('reason')} />}
              </Field>
            )}
          />
        </>
      ) : null}
      {canWithdraw ? (
        <ConfirmDialog
          destructive
          trigger={
            <Button variant="secondary">
              <Icon node={Undo2} aria-hidden />
              {t('inventory.transfers.withdraw')}
            </Button>
          }
          title={t('inventory.transfers.withdrawTitle', { number })}
          description={t('inventory.transfers.withdrawDescription')}
          confirmLabel={t('inventory.transfers.withdraw')}
          cancelLabel={t('inventory.transfers.keepRequest')}
          onConfirm={async () => {
            const result = await cancelTransferAction({ transferId });
            reportResult(t, result, t('inventory.transfers.withdrawn'));
          }}
        />
      ) : null}
      {canReceive ? (
        <ButtonLink href={`/inventory/transfers/${transferId}/receive`}>
          <Icon node={ScanBarcode} aria-hidden />
          {t('inventory.transfers.scanReceive')}
        </ButtonLink>
      ) : null}
      {canReceive ? (
        <ReceiveDialog
          transferId={transferId}
          number={number}
          destination={destination}
          lines={lines}
          trigger={
            <Button variant="secondary">
              <Icon node={PackageCheck} aria-hidden />
              {t('inventory.transfers.receive')}
            </Button>
          }
        />
      ) : null}
      {canShip ? (
        <ConfirmDialog
          trigger={
            <Button>
              <Icon node={Truck} aria-hidden />
              {t('inventory.transfers.ship')}
            </Button>
          }
          title={t('inventory.transfers.shipTitle', { number })}
          description={t('inventory.transfers.shipDescription', { units, location: source })}
          confirmLabel={t('inventory.transfers.ship')}
          onConfirm={async () => {
            const result = await shipTransferAction({ transferId });
            reportResult(t, result, t('inventory.transfers.shipped', { location: source }));
          }}
        />
      ) : null}
      {canCancel ? (
        <ConfirmDialog
          destructive
          trigger={
            <Button variant="secondary">
              <Icon node={X} aria-hidden />
              {t('inventory.transfers.cancel')}
            </Button>
          }
          title={t('inventory.transfers.cancelTitle', { number })}
          description={
            inTransit
              ? t('inventory.transfers.cancelInTransit', { units, location: source })
              : t('inventory.transfers.cancelDraft')
          }
          confirmLabel={t('inventory.transfers.cancel')}
          cancelLabel={t('inventory.transfers.keep')}
          onConfirm={async () => {
            const result = await cancelTransferAction({ transferId });
            reportResult(t, result, t('inventory.transfers.cancelled'));
          }}
        />
      ) : null}
    </>
  );
}
