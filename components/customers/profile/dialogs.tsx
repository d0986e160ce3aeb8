'use client';

import { Icon } from '@/components/ui/icons';
import { Coins, Pencil } from 'lucide';
import { Button } from '@/components/ui/button';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import { useI18n } from '@/lib/next/i18n-client';
import type { LoyaltyDialogForm } from '../loyalty-dialog';
import type { ContactDialogForm } from './contact-dialog';

// The profile's dialogs (react-hook-form, Radix's dialog, the forms) load when their button is about to be used.
const LazyContactDialog = lazyDialog(() => import('./contact-dialog').then((m) => m.ContactDialogForm));
const LazyLoyaltyDialog = lazyDialog(() => import('../loyalty-dialog').then((m) => m.LoyaltyDialogForm));

type OwnProps<C extends (props: never) => unknown> = Omit<Parameters<C>[0], 'trigger' | 'defaultOpen'>;

/** Edits the contact details: its button, and the dialog (profile/contact-dialog.tsx) once about to be used. */
export function ContactDialog(props: OwnProps<typeof ContactDialogForm>) {
  const { t } = useI18n();
  return (
    <LazyContactDialog
      {...props}
      trigger={
        <Button type="button" variant="secondary" size="sm" className="print:hidden">
          <Icon node={Pencil} aria-hidden className="size-3.5" />
          {t('customerProfile.contact.edit')}
        </Button>
      }
    />
  );
}

/** Redeems or adjusts points: its button, and the dialog (loyalty-dialog.tsx) once about to be used. */
export function LoyaltyDialog(props: OwnProps<typeof LoyaltyDialogForm>) {
  const { t } = useI18n();
  return (
    <LazyLoyaltyDialog
      {...props}
      trigger={
        <Button variant="secondary" size="sm">
          <Icon node={Coins} aria-hidden />
          {t('loyalty.change.open')}
        </Button>
      }
    />
  );
}
