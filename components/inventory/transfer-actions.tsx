'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { PackageCheck, Truck, X } from 'lucide-react';
import { cancelTransferAction, receiveTransferAction, shipTransferAction } from '@/lib/next/actions/inventory';
import { actionErrorMessage, reportResult } from '@/components/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  ConfirmDialog,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from 'sonner';
import { useI18n } from '@/lib/next/i18n-client';
import { parseQuantity } from './lines';

type Line = { variantId: string; sku: string; productName: string; variantTitle: string; quantity: number };

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
        <ReceiveDialog transferId={transferId} number={number} destination={destination} lines={lines} />
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

/** Receipt with a received quantity per line, pre-filled with what was shipped; differences become ledger entries. */
function ReceiveDialog({
  transferId,
  number,
  destination,
  lines,
}: {
  transferId: string;
  number: string;
  destination: string;
  lines: Line[];
}) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const initial = () => Object.fromEntries(lines.map((l) => [l.variantId, String(l.quantity)]));
  const [received, setReceived] = useState<Record<string, string>>(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = lines.map((l) => ({
      variantId: l.variantId,
      quantityReceived: parseQuantity(received[l.variantId] ?? ''),
    }));
    if (parsed.some((l) => l.quantityReceived === null)) return setError(t('inventory.adjust.wholeNumber'));
    setError(null);
    startTransition(async () => {
      const result = await receiveTransferAction({
        transferId,
        lines: parsed.map((l) => ({ variantId: l.variantId, quantityReceived: l.quantityReceived! })),
      });
      if (!result.ok) return setError(actionErrorMessage(t, result));
      setOpen(false);
      toast.success(
        result.data.discrepancies > 0
          ? t('inventory.transfers.receivedDiscrepancies', {
              location: destination,
              count: formatNumber(result.data.discrepancies),
            })
          : t('inventory.transfers.receivedOk', { location: destination }),
      );
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (next) {
          setReceived(initial());
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <PackageCheck aria-hidden />
          {t('inventory.transfers.receive')}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t('inventory.transfers.receiveTitle', { number })}</DialogTitle>
          <DialogDescription>{t('inventory.transfers.receiveDescription')}</DialogDescription>
        </DialogHeader>
        <form id={`${id}-form`} onSubmit={onSubmit} className="grid grid-cols-1 gap-4" noValidate>
          <Table scroll="box" containerClassName="max-h-[50dvh]">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t('inventory.col.product')}</TableHead>
                <TableHead numeric>{t('inventory.transfers.shippedQty')}</TableHead>
                <TableHead numeric className="w-32">
                  {t('inventory.transfers.receivedQty')}
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.map((l) => {
                const value = received[l.variantId] ?? '';
                const q = parseQuantity(value);
                return (
                  <TableRow key={l.variantId}>
                    <TableCell>
                      <div className="font-medium">{l.productName}</div>
                      <div className="font-mono text-xs text-muted-foreground">
                        {l.sku} · {l.variantTitle}
                      </div>
                    </TableCell>
                    <TableCell numeric>{formatNumber(l.quantity)}</TableCell>
                    <TableCell numeric className="py-1.5">
                      <Input
                        value={value}
                        inputMode="numeric"
                        aria-label={t('inventory.transfers.receivedQtyFor', { sku: l.sku })}
                        aria-invalid={q === null ? true : undefined}
                        onChange={(e) => setReceived((r) => ({ ...r, [l.variantId]: e.target.value }))}
                        className={`ml-auto h-8 w-24 text-right tabular-nums ${q !== null && q !== l.quantity ? 'border-waiting-border bg-waiting-soft' : ''}`}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
              {pending ? t('inventory.transfers.receiving') : t('inventory.transfers.receiveConfirm')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
