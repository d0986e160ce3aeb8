'use client';

import { useRouter } from 'next/navigation';
import { Icon } from '@/components/ui/icons';
import { CheckCheck, Trash } from 'lucide';
import { applyCountAction, discardCountAction } from '@/lib/next/actions/inventory';
import { actionErrorMessage } from '@/components/action-result';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/lazy-confirm';
import { toast } from '@/components/ui/toast';
import { useI18n } from '@/lib/next/i18n-client';

/** Apply (one transaction, one ledger entry per changed SKU) or discard an open count; both asked first. */
export function CountActions({
  countId,
  number,
  location,
  changed,
  netValue,
}: {
  countId: string;
  number: string;
  location: string;
  changed: number;
  /** Null when the viewer may not see cost values. */
  netValue: string | null;
}) {
  const { t, formatNumber } = useI18n();
  const router = useRouter();
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button>
            <Icon node={CheckCheck} aria-hidden />
            {t('inventory.counts.apply')}
          </Button>
        }
        title={t('inventory.counts.applyTitle', { number })}
        description={
          netValue === null
            ? t('inventory.counts.applyDescriptionNoValue', { changed: formatNumber(changed), location })
            : t('inventory.counts.applyDescription', { changed: formatNumber(changed), location, value: netValue })
        }
        confirmLabel={t('inventory.counts.apply')}
        onConfirm={async () => {
          const result = await applyCountAction({ countId });
          if (result.ok) {
            toast.success(t('inventory.counts.applied', { changed: formatNumber(result.data.changed) }));
            router.refresh();
          } else {
            const skus = (result.details as { skus?: string[] } | undefined)?.skus;
            toast.error(
              result.code === 'stock_conflict' && skus
                ? t('inventory.counts.belowReserved', { skus: skus.join(', ') })
                : actionErrorMessage(t, result),
            );
          }
        }}
      />
      <ConfirmDialog
        destructive
        trigger={
          <Button variant="secondary">
            <Icon node={Trash} aria-hidden />
            {t('inventory.counts.discard')}
          </Button>
        }
        title={t('inventory.counts.discardTitle', { number })}
        description={t('inventory.counts.discardDescription')}
        confirmLabel={t('inventory.counts.discard')}
        onConfirm={async () => {
          const result = await discardCountAction({ countId });
          if (result.ok) {
            toast.success(t('inventory.counts.discarded'));
            router.refresh();
          } else toast.error(actionErrorMessage(t, result));
        }}
      />
    </>
  );
}
