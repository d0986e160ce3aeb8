import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ChannelLimit } from '@/lib/inventory/availability';
import { getI18n } from '@/lib/next/i18n';
import { ChannelCapActions } from '../channel-cap-actions';
import { EmptyNote } from './empty-note';

/** Each channel's cap on the SKU and what its orders hold; the cap's actions for who may set it. */
export async function ChannelLimits({
  variantId,
  sku,
  channelLimits,
  canCap,
}: {
  variantId: string;
  sku: string;
  channelLimits: readonly ChannelLimit[];
  canCap: boolean;
}) {
  const { t, formatNumber: n } = await getI18n();
  return (
    <section aria-labelledby="channels-heading" className="mb-6">
      <h2 id="channels-heading" className="text-[0.9375rem] font-semibold">
        {t('inventory.channels.title')}
      </h2>
      <p className="mb-2 mt-0.5 text-sm text-muted-foreground">{t('inventory.channels.description')}</p>
      {channelLimits.length === 0 ? (
        <EmptyNote>{t('inventory.channels.empty')}</EmptyNote>
      ) : (
        <Table label={t('inventory.channels.label')}>
          <TableHeader>
            <TableRow hover={false}>
              <TableHead>{t('inventory.channels.col.channel')}</TableHead>
              <TableHead numeric>{t('inventory.channels.col.limit')}</TableHead>
              <TableHead numeric>{t('inventory.channels.col.reserved')}</TableHead>
              {canCap ? (
                <TableHead className="w-px">
                  <span className="sr-only">{t('inventory.channels.col.actions')}</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {channelLimits.map((c) => (
              <TableRow key={c.channelId}>
                <TableCell className="min-w-52">
                  <div className="font-medium">{c.name}</div>
                  <div className="mt-0.5 flex flex-wrap items-center gap-2">
                    <span className="font-mono text-xs text-muted-foreground">{c.code}</span>
                    {c.maxUnits !== null && c.reserved >= c.maxUnits ? (
                      <Badge variant="waiting">{t('inventory.channels.reached')}</Badge>
                    ) : null}
                  </div>
                </TableCell>
                <TableCell
                  numeric
                  className={c.maxUnits === null ? 'whitespace-nowrap text-muted-foreground' : 'font-semibold'}
                >
                  {c.maxUnits === null ? t('inventory.channels.noLimit') : n(c.maxUnits)}
                </TableCell>
                <TableCell numeric>{n(c.reserved)}</TableCell>
                {canCap ? (
                  <TableCell compact className="whitespace-nowrap text-right">
                    <ChannelCapActions
                      variantId={variantId}
                      sku={sku}
                      channel={{ id: c.channelId, name: c.name }}
                      maxUnits={c.maxUnits}
                      reserved={c.reserved}
                    />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
