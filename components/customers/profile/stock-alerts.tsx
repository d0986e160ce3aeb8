import { Badge, type BadgeVariant } from '@/components/ui/badge';
import type { CustomerStockAlert } from '@/lib/customers/profile';
import { getI18n } from '@/lib/next/i18n';
import { EmptyNote, ProfileSection } from './section';

const STATUS_BADGE: Record<CustomerStockAlert['status'], BadgeVariant> = {
  waiting: 'waiting',
  notified: 'done',
  cancelled: 'closed',
};

/** The customer's stock alerts: those still waiting, then the latest told or cancelled, each with its status. */
export async function StockAlerts({ alerts }: { alerts: readonly CustomerStockAlert[] }) {
  const { t, formatDate } = await getI18n();
  return (
    <ProfileSection id="stock-alerts" title={t('customerProfile.alerts.title')} className="mb-6">
      {alerts.length === 0 ? (
        <EmptyNote>{t('customerProfile.alerts.empty')}</EmptyNote>
      ) : (
        <ul aria-label={t('customerProfile.alerts.label')} className="grid gap-2">
          {alerts.map((a) => (
            <li
              key={a.id}
              data-status={a.status}
              className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-border bg-surface px-4 py-3 text-sm shadow-card"
            >
              <div className="grid">
                <span>
                  {a.productName} — {a.variantTitle}{' '}
                  <span className="font-mono text-[0.8125rem] text-muted-foreground">{a.sku}</span>
                </span>
                <span className="text-xs text-muted-foreground">
                  {a.store
                    ? t('customerProfile.alerts.atStore', { store: a.store })
                    : t('customerProfile.alerts.online')}{' '}
                  · {t('customerProfile.alerts.since', { date: formatDate(a.createdAt) })}
                  {a.endedAt && a.status !== 'waiting' ? (
                    <>
                      {' '}
                      ·{' '}
                      {a.status === 'notified'
                        ? t('customerProfile.alerts.notifiedOn', { date: formatDate(a.endedAt) })
                        : t('customerProfile.alerts.cancelledOn', { date: formatDate(a.endedAt) })}
                    </>
                  ) : null}
                </span>
              </div>
              <Badge variant={STATUS_BADGE[a.status]}>{t(`customerProfile.alerts.status.${a.status}`)}</Badge>
            </li>
          ))}
        </ul>
      )}
    </ProfileSection>
  );
}
