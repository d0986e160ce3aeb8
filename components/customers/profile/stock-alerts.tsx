import type { ActiveStockAlert } from '@/lib/customers/profile';
import { getI18n } from '@/lib/next/i18n';
import { EmptyNote, ProfileSection } from './section';

/** The customer's stock alerts still waiting: what they asked to be told about, and where. */
export async function StockAlerts({ alerts }: { alerts: readonly ActiveStockAlert[] }) {
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
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </ProfileSection>
  );
}
