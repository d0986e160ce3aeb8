'use client';

import { Icon } from '@/components/ui/icons';
import { Gauge, X } from 'lucide';
import { reportResult } from '@/components/action-result';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/lazy-confirm';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import { setChannelCapAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';

// The cap dialog (react-hook-form, the form) loads when its button is about to be used.
const CapDialog = lazyDialog(() => import('./cap-dialog').then((m) => m.CapDialog));

export type ChannelCapProps = {
  variantId: string;
  sku: string;
  channel: { id: string; name: string };
  /** The current cap, or null when the channel is not ring-fenced. */
  maxUnits: number | null;
  /** Units the channel's orders hold reserved of this SKU. */
  reserved: number;
};

/**
 * Set, change or remove (after a confirmation) one channel's cap on one SKU. Offered to owners
 * only; the server checks the right again.
 */
export function ChannelCapActions(props: ChannelCapProps) {
  const { t } = useI18n();
  const { variantId, sku, channel, maxUnits } = props;
  const editing = maxUnits !== null;
  return (
    <div className="flex items-center justify-end gap-2">
      <CapDialog
        {...props}
        trigger={
          <Button
            variant="secondary"
            size="sm"
            aria-label={
              editing
                ? t('inventory.channels.changeFor', { channel: channel.name })
                : t('inventory.channels.setFor', { channel: channel.name })
            }
          >
            <Icon node={Gauge} aria-hidden />
            {editing ? t('inventory.channels.change') : t('inventory.channels.set')}
          </Button>
        }
      />
      {maxUnits !== null ? (
        <ConfirmDialog
          destructive
          trigger={
            <Button
              variant="secondary"
              size="sm"
              aria-label={t('inventory.channels.removeFor', { channel: channel.name })}
            >
              <Icon node={X} aria-hidden />
              {t('inventory.channels.remove')}
            </Button>
          }
          title={t('inventory.channels.removeTitle', { channel: channel.name })}
          description={t('inventory.channels.removeDescription', { channel: channel.name, sku })}
          confirmLabel={t('inventory.channels.remove')}
          cancelLabel={t('inventory.channels.keep')}
          onConfirm={async () => {
            const result = await setChannelCapAction({ channelId: channel.id, variantId, maxUnits: null });
            reportResult(t, result, t('inventory.channels.removed', { channel: channel.name, sku }));
          }}
        />
      ) : null}
    </div>
  );
}
