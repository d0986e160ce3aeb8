import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getI18n } from '@/lib/i18n/server';
import type { OrderListRow } from '@/lib/orders/queries';
import { ChannelBadge, type ChannelKind } from './channel-badge';
import { orderStatusVariant } from './status';

/** One page of orders; the customer column links to the profile when the viewer may open it. */
export async function OrdersTable({
  rows,
  label,
  showCustomer = true,
  linkCustomers = false,
  channelKinds = {},
}: {
  rows: readonly OrderListRow[];
  label: string;
  showCustomer?: boolean;
  linkCustomers?: boolean;
  /** Channel code → kind, for the channel badge's icon. */
  channelKinds?: Record<string, ChannelKind>;
}) {
  const { t, formatMoney, formatNumber, formatDateTime } = await getI18n();
  return (
    <Table label={label} containerClassName="max-h-[calc(100dvh-16rem)] min-h-40">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t('orders.col.number')}</TableHead>
          <TableHead>{t('orders.col.placedAt')}</TableHead>
          <TableHead>{t('orders.col.channel')}</TableHead>
          {showCustomer ? <TableHead>{t('orders.col.customer')}</TableHead> : null}
          <TableHead>{t('orders.col.fulfilment')}</TableHead>
          <TableHead numeric>{t('orders.col.items')}</TableHead>
          <TableHead numeric>{t('orders.col.total')}</TableHead>
          <TableHead>{t('orders.col.status')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell className="whitespace-nowrap">
              <Link href={`/orders/${row.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                {row.number}
              </Link>
            </TableCell>
            <TableCell className="whitespace-nowrap tabular-nums text-muted-foreground">{formatDateTime(row.placedAt)}</TableCell>
            <TableCell>
              <ChannelBadge code={row.channelCode} name={row.channelName} kind={channelKinds[row.channelCode]} />
            </TableCell>
            {showCustomer ? (
              <TableCell className="max-w-56">
                {row.customerId ? (
                  <div className="min-w-0">
                    {linkCustomers ? (
                      <Link href={`/customers/${row.customerId}`} className="block truncate font-medium hover:underline">
                        {row.customerName ?? row.customerEmail ?? t('orders.customerCard.unnamed')}
                      </Link>
                    ) : (
                      <span className="block truncate font-medium">{row.customerName ?? row.customerEmail ?? t('orders.customerCard.unnamed')}</span>
                    )}
                    {row.customerName && row.customerEmail ? (
                      <span className="block truncate text-xs text-muted-foreground">{row.customerEmail}</span>
                    ) : null}
                  </div>
                ) : (
                  <span className="text-muted-foreground">{t('orders.guest')}</span>
                )}
              </TableCell>
            ) : null}
            <TableCell className="whitespace-nowrap">
              {t(`orders.fulfilmentType.${row.fulfilmentType as 'ship' | 'pickup' | 'in_store'}`)}
              {row.locationCode ? <span className="ml-1.5 font-mono text-xs text-muted-foreground">{row.locationCode}</span> : null}
            </TableCell>
            <TableCell numeric>{formatNumber(row.itemCount)}</TableCell>
            <TableCell numeric className="whitespace-nowrap font-medium">
              {formatMoney(row.totalCents, row.currency)}
            </TableCell>
            <TableCell>
              <Badge variant={orderStatusVariant(row.status)}>{t(`orders.status.${row.status as 'placed'}`)}</Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
