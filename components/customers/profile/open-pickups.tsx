import { Link } from '@/components/ui/link';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import type { OpenPickup } from '@/lib/customers/profile';
import { getI18n } from '@/lib/next/i18n';
import { EmptyNote, ProfileSection } from './section';

const VARIANT: Record<OpenPickup['state'], BadgeVariant> = {
  placed: 'waiting',
  to_pick: 'waiting',
  awaiting_transfer: 'waiting',
  ready: 'info',
  collected: 'done',
  expired: 'problem',
  cancelled: 'closed',
  rejected: 'problem',
};

/** The customer's pickups the stores still work on, the oldest first: what a caller most often asks about. */
export async function OpenPickups({ pickups }: { pickups: readonly OpenPickup[] }) {
  const { t, formatDateTime } = await getI18n();
  return (
    <ProfileSection id="open-pickups" title={t('customerProfile.openPickups.title')} className="mb-6">
      {pickups.length === 0 ? (
        <EmptyNote>{t('customerProfile.openPickups.empty')}</EmptyNote>
      ) : (
        <ul aria-label={t('customerProfile.openPickups.label')} className="grid gap-2">
          {pickups.map((p) => (
            <li
              key={p.pickupId}
              className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-border bg-surface px-4 py-3 text-sm shadow-card"
            >
              <div className="grid">
                <Link href={`/orders/${p.orderId}`} className="font-mono text-[0.8125rem] text-primary hover:underline">
                  {p.orderNumber}
                </Link>
                <span className="text-xs text-muted-foreground">
                  {p.store.name} ·{' '}
                  {p.dueBy
                    ? t('customerProfile.openPickups.dueBy', { date: formatDateTime(p.dueBy, p.store.timeZone) })
                    : t('customerProfile.openPickups.placed', { date: formatDateTime(p.placedAt, p.store.timeZone) })}
                </span>
              </div>
              <Badge variant={VARIANT[p.state]} dot>
                {t(`customerProfile.openPickups.state.${p.state}`)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </ProfileSection>
  );
}
