import type { CustomerOverview } from '@/lib/customers/profile';
import type { CustomerProfile } from '@/lib/customers/queries';
import { getI18n } from '@/lib/next/i18n';

/** The customer's figures: orders, lifetime value, average order, first and last order, preferred store, loyalty balance. */
export async function ProfileStats({
  profile,
  overview,
  loyaltyBalance,
}: {
  profile: CustomerProfile;
  overview: CustomerOverview;
  /** Points on the customer's loyalty ledger (lib/loyalty). */
  loyaltyBalance: number;
}) {
  const { t, formatMoney, formatNumber, formatDate } = await getI18n();
  const none = t('customerProfile.stats.none');
  const store = overview.preferredStore;
  const stats: [string, string, string?][] = [
    [t('customerProfile.stats.orders'), formatNumber(profile.orderCount)],
    [t('customerProfile.stats.lifetimeValue'), formatMoney(profile.lifetimeValueCents)],
    [
      t('customerProfile.stats.averageOrder'),
      overview.averageOrderValueCents === null ? none : formatMoney(overview.averageOrderValueCents),
    ],
    [t('customerProfile.stats.firstOrder'), overview.firstOrderAt ? formatDate(overview.firstOrderAt) : none],
    [t('customerProfile.stats.lastOrder'), profile.lastOrderAt ? formatDate(profile.lastOrderAt) : none],
    [
      t('customerProfile.stats.preferredStore'),
      store?.name ?? none,
      store ? t('customerProfile.stats.preferredStoreOrders', { count: store.orderCount }) : undefined,
    ],
    [t('customerProfile.stats.loyalty'), t('customerProfile.stats.points', { count: loyaltyBalance })],
  ];
  return (
    <dl
      aria-label={t('customerProfile.stats.label')}
      className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7"
    >
      {stats.map(([label, value, detail]) => (
        <div key={label} className="rounded-lg border border-border bg-surface px-4 py-3 shadow-card">
          <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
          <dd className="mt-1 truncate text-lg font-semibold tabular-nums">{value}</dd>
          {detail ? <dd className="text-xs text-muted-foreground">{detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
