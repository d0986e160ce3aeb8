import { Link } from '@/components/ui/link';
import { Card } from '@/components/ui/card';
import type { RecentCustomer } from '@/lib/customers/recent';
import { getI18n } from '@/lib/next/i18n';
import { LazyCustomerSearch } from './lazy-customer-search';
import { SEARCH_FIELD_ICON } from './search-field-icon';
import { formatPhone } from '@/lib/customers/normalize';

/**
 * An agent's home: the customer search, focused, then the profiles this agent opened last in this
 * browser (a cookie of ids kept by the profile page; names are read now, so an erased customer
 * shows as unnamed and one the agent may no longer read is left out).
 */
export async function AgentHome({ recent }: { recent: RecentCustomer[] }) {
  const { t, formatDate } = await getI18n();
  return (
    <div className="mb-8 grid gap-6">
      <section aria-labelledby="agent-search">
        <h2 id="agent-search" className="mb-3 text-sm font-semibold">
          {t('agentHome.searchTitle')}
        </h2>
        <LazyCustomerSearch
          autoFocus
          className="rounded-lg border border-border bg-surface shadow-card"
          searchIcon={SEARCH_FIELD_ICON}
        />
      </section>
      <section aria-labelledby="agent-recent">
        <h2 id="agent-recent" className="text-sm font-semibold">
          {t('agentHome.recentTitle')}
        </h2>
        <p className="mb-3 text-sm text-muted-foreground">{t('agentHome.recentHint')}</p>
        {recent.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('agentHome.recentEmpty')}</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
            {recent.map((c) => (
              <li key={c.id}>
                <Card className="relative h-full px-4 py-3 hover:border-primary/40 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-ring">
                  <Link
                    href={`/customers/${c.id}`}
                    className="font-medium after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none"
                  >
                    {`${c.firstName} ${c.lastName}`.trim() || c.email || t('agentHome.unnamed')}
                  </Link>
                  <p className="truncate text-xs text-muted-foreground">
                    {[c.email, c.phone && formatPhone(c.phone)].filter(Boolean).join(' · ')}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {c.lastOrderAt
                      ? t('agentHome.lastOrder', { date: formatDate(c.lastOrderAt) })
                      : t('agentHome.noOrder')}
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
