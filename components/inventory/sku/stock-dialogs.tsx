'use client';

import { Icon } from '@/components/ui/icons';
import { MapPin, SlidersHorizontal } from 'lucide';
import { Button } from '@/components/ui/button';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import { useI18n } from '@/lib/next/i18n-client';
import type { AdjustDialogForm } from '../adjust-dialog';
import type { BinDialogForm } from './bin-dialog';

// The stock table's dialogs (react-hook-form, the forms) load when their button is about to be used.
const LazyAdjustDialog = lazyDialog(() => import('../adjust-dialog').then((m) => m.AdjustDialogForm));
const LazyBinDialog = lazyDialog(() => import('./bin-dialog').then((m) => m.BinDialogForm));

type OwnProps<C extends (props: never) => unknown> = Omit<Parameters<C>[0], 'trigger' | 'defaultOpen'>;

/** Adjusts on hand at one location: its button, and the dialog (adjust-dialog.tsx) once about to be used. */
export function AdjustDialog(props: OwnProps<typeof AdjustDialogForm>) {
  const { t } = useI18n();
  return (
    <LazyAdjustDialog
      {...props}
      trigger={
        <Button
          variant="secondary"
          size="sm"
          aria-label={t('inventory.sku.adjustAt', { location: props.location.name })}
        >
          <Icon node={SlidersHorizontal} aria-hidden />
          {t('inventory.sku.adjust')}
        </Button>
      }
    />
  );
}

/** Says where the SKU sits at one location: its button, and the dialog (bin-dialog.tsx) once about to be used. */
export function BinDialog(props: OwnProps<typeof BinDialogForm>) {
  const { t } = useI18n();
  return (
    <LazyBinDialog
      {...props}
      trigger={
        <Button variant="ghost" size="sm" aria-label={t('inventory.bin.editAt', { location: props.location.name })}>
          <Icon node={MapPin} aria-hidden />
          {t('inventory.bin.edit')}
        </Button>
      }
    />
  );
}
