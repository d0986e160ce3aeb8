import { Link } from '@/components/ui/link';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { LoyaltyEntryKind, LoyaltySummary } from '@/lib/loyalty/queries';
import { getI18n } from '@/lib/next/i18n';
import { LoyaltyDialog } from './profile/dialogs';

const TONE: Record<LoyaltyEntryKind, BadgeVariant> = {
  earn: 'done',
  reverse: 'problem',
  redeem: 'info',
  adjust: 'neutral',
};

/**
 * The profile's loyalty points: the balance, the latest entries (what, how many, the order or the
 * reason, the channel or the staff member) and, for who may change them, the agent's dialog.
 */
export async function LoyaltySection({
  customerId,
  summary,
  canChange,
  erased = false,
}: {
  customerId: string;
  summary: LoyaltySummary;
  canChange: boolean;
  /** The viewer could change points but the customer's data was erased: say so where the button was. */
  erased?: boolean;
}) {
  const { t, formatNumber, formatDateTime } = await getI18n();
  return (
    <section aria-labelledby="customer-loyalty" className="mb-8">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="customer-loyalty" className="text-[0.9375rem] font-semibold">
            {t('loyalty.title')}
          </h2>
          <p className="text-sm text-muted-foreground">{t('loyalty.description')}</p>
        </div>
        <div className="flex items-center gap-3">
          <p className="text-sm">
            <span className="text-muted-foreground">{t('loyalty.balance')} </span>
            <strong className="text-lg tabular-nums" data-testid="loyalty-balance">
              {t('loyalty.points', { points: summary.balance })}
            </strong>
          </p>
          {canChange ? (
            <LoyaltyDialog customerId={customerId} balance={summary.balance} />
          ) : erased ? (
            <p className="text-sm text-muted-foreground">{t('loyalty.change.erased')}</p>
          ) : null}
        </div>
      </div>
      {summary.entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-3 text-sm text-muted-foreground">
          {t('loyalty.empty')}
        </p>
      ) : (
        <>
          <Table label={t('loyalty.tableLabel')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('loyalty.columns.at')}</TableHead>
                <TableHead>{t('loyalty.columns.kind')}</TableHead>
                <TableHead numeric>{t('loyalty.columns.points')}</TableHead>
                <TableHead>{t('loyalty.columns.detail')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(e.at)}</TableCell>
                  <TableCell>
                    <Badge variant={TONE[e.kind]}>{t(`loyalty.kind.${e.kind}`)}</Badge>
                  </TableCell>
                  <TableCell numeric className="font-medium">
                    {formatNumber(e.points, { signDisplay: 'always' })}
                  </TableCell>
                  <TableCell className="text-sm">
                    {e.order ? (
                      <Link href={`/orders/${e.order.id}`} className="font-mono hover:underline">
                        {e.order.number}
                      </Link>
                    ) : null}
                    {e.order && e.reason ? ' · ' : null}
                    {e.reason}
                    {e.channel || e.actor ? (
                      <span className="text-muted-foreground">
                        {' '}
                        ({[e.channel, e.actor ? t('loyalty.by', { name: e.actor }) : null].filter(Boolean).join(', ')})
                      </span>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {summary.more ? (
            <p className="mt-2 text-xs text-muted-foreground">{t('loyalty.more', { count: summary.entries.length })}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
