'use client';

import { PackageCheck, Truck, X } from 'lucide-react';
import { reportResult } from '@/components/action-result';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/lazy-confirm';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import { cancelTransferAction, shipTransferAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';

export type Line = { variantId: string; sku: string; productName: string; variantTitle: string; quantity: number };

// The receipt dialog, with react-hook-form and Radix's dialog, loads when its button is about to be used.
const ReceiveDialog = lazyDialog<{ transferId: string; number: string; destination: string; lines: Line[] }>(() =>
  import('./receive-dialog').then((m) => m.ReceiveDialog),
);

/** Ship / Receive / Cancel, offered by the page according to the status and the user's rights; the server decides again. */
export function TransferActions({
  transferId,
  number,
  units,
  source,
  destination,
  lines,
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
  canShip: boolean;
  canReceive: boolean;
  canCancel: boolean;
  inTransit: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {canReceive ? (
        <ReceiveDialog
          transferId={transferId}
          number={number}
          destination={destination}
          lines={lines}
          trigger={
            <Button>
              <PackageCheck aria-hidden />
              {t('inventory.transfers.receive')}
            </Button>
          }
        />
      ) : null}
      {canShip ? (
        <ConfirmDialog
          trigger={
            <Button>
              <Truck aria-hidden />
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
              <X aria-hidden />
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
