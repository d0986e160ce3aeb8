import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { can } from '@/lib/auth/permissions';
import { LazyCustomerSearch } from '@/components/customers/lazy-customer-search';
import { SEARCH_FIELD_ICON } from '@/components/customers/search-field-icon';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('customers.title') };
}

/** Customers: one search box over every identity a customer has (the palette's, full page). */
export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  const [sp, { t }, ctx] = await Promise.all([searchParams, getI18n(), requirePage('customers.view')]);
  const q = typeof sp.q === 'string' ? sp.q.slice(0, 200) : '';
  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        action={
          can(ctx, 'customers.merge') ? (
            <Link
              href="/customers/duplicates"
              className="text-sm font-medium text-primary underline-offset-2 hover:underline"
            >
              {t('customerDuplicates.link')}
            </Link>
          ) : null
        }
      />
      {/* The text is kept in the URL (?q=), so a reload or a shared link finds it again. */}
      <LazyCustomerSearch
        initialQuery={q}
        syncUrl
        autoFocus
        className="rounded-lg border border-border bg-surface shadow-card"
        listClassName="max-h-none"
        searchIcon={SEARCH_FIELD_ICON}
      />
    </>
  );
}
