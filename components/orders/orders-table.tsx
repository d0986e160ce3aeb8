import { Link } from '@/components/ui/link';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getI18n } from '@/lib/next/i18n';
import type { OrderListRow } from '@/lib/orders/queries';
import { ChannelBadge, type ChannelKind } from './channel-badge';
import { RowCheckbox, SelectAllCheckbox } from './order-selection';
import { orderStatusVariant } from './status';

/** One page of orders; the customer column links to the profile when the viewer may open it. */
export async function OrdersTable({
  rows,
  label,
  showCustomer = true,
  linkCustomers = false,
  channelKinds = {},
  selectable = false,
}: {
  rows: readonly OrderListRow[];
  label: string;
  showCustomer?: boolean;
  linkCustomers?: boolean;
  /** Channel code → kind, for the channel badge's icon. */
  channelKinds?: Record<string, ChannelKind>;
  /** A checkbox per row, for the bulk actions (inside <OrderSelection>). */
  selectable?: boolean;
}) {
  const { t, formatMoney, formatNumber, formatDateTime } = await getI18n();
  return (
    <Table label={label}>
      <TableHeader>
        <TableRow hover={false}>
          {selectable ? (
            <TableHead className="w-10 pr-0 print:hidden">
              <SelectAllCheckbox />
            </TableHead>
          ) : null}
          <TableHead>{t('orders.col.number')}</TableHead>
          {showCustomer ? <TableHead>{t('orders.col.customer')}</TableHead> : null}
          <TableHead>{t('orders.col.channelFulfilment')}</TableHead>
          <TableHead numeric className="hidden xl:table-cell">
            {t('orders.col.items')}
          </TableHead>
          <TableHead numeric>{t('orders.col.total')}</TableHead>
          <TableHead>{t('orders.col.status')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            {selectable ? (
              <TableCell className="w-10 pr-0 print:hidden">
                <RowCheckbox id={row.id} number={row.number} />
              </TableCell>
            ) : null}
            <TableCell className="whitespace-nowrap">
              <Link
                href={`/orders/${row.id}`}
                className="block font-medium text-primary underline-offset-4 hover:underline"
              >
                {row.number}
              </Link>
              <span className="block text-xs tabular-nums text-muted-foreground">
                {formatDateTime(row.placedAt, row.timeZone ?? undefined)}
              </span>
              {row.tags.length ? (
                <span className="mt-1 flex max-w-48 flex-wrap gap-1">
                  {row.tags.map((tag) => (
                    <Link
                      key={tag}
                      href={`/orders?tag=${encodeURIComponent(tag)}`}
                      aria-label={t('orders.tags.filter', { tag })}
                      className="rounded-sm bg-muted px-1.5 py-px text-xs text-muted-foreground hover:text-foreground"
                    >
                      {tag}
                    </Link>
                  ))}
                </span>
              ) : null}
            </TableCell>
            {showCustomer ? (
              <TableCell className="max-w-60">
                {row.customerId ? (
                  <div className="min-w-0">
                    {linkCustomers ? (
                      <Link
                        href={`/customers/${row.customerId}`}
                        className="block truncate font-medium hover:underline"
                      >
                        {row.customerName ?? row.customerEmail ?? t('orders.customerCard.unnamed')}
                      </Link>
                    ) : (
                      <span className="block truncate font-medium">
                        {row.customerName ?? row.customerEmail ?? t('orders.customerCard.unnamed')}
                      </span>
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
            <TableCell>
              <ChannelBadge code={row.channelCode} name={row.channelName} kind={channelKinds[row.channelCode]} />
              <span className="mt-1 block whitespace-nowrap text-xs text-muted-foreground">
                {t(`orders.fulfilmentType.${row.fulfilmentType}`)}
                {row.locationCode ? (
                  <>
                    {' '}
                    <span className="font-mono">{row.locationCode}</span>
                  </>
                ) : null}
              </span>
            </TableCell>
            <TableCell numeric className="hidden xl:table-cell">
              {formatNumber(row.itemCount)}
            </TableCell>
            <TableCell numeric className="whitespace-nowrap font-medium">
              {formatMoney(row.totalCents, row.currency)}
            </TableCell>
            <TableCell>
              <Badge variant={orderStatusVariant(row.status)}>{t(`orders.status.${row.status}`)}</Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
