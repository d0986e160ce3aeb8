import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { Icon } from '@/components/ui/icons';
import { ArrowLeft } from 'lucide';
import { AddressesCard } from '@/components/customers/profile/addresses-card';
import { ContactCard } from '@/components/customers/profile/contact-card';
import { IdentitiesCard } from '@/components/customers/profile/identities-card';
import { OpenPickups } from '@/components/customers/profile/open-pickups';
import { LoyaltySection } from '@/components/customers/loyalty-section';
import { RecentProfileRecorder } from '@/components/customers/recent-profile-recorder';
import { PrivacySection } from '@/components/customers/privacy-section';
import { UndoMergeBanner } from './undo-merge-banner';
import { ProfileStats } from '@/components/customers/profile/profile-stats';
import { StockAlerts } from '@/components/customers/profile/stock-alerts';
import { ProfileTimeline } from '@/components/customers/profile/timeline';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { getCustomerOverview } from '@/lib/customers/profile';
import { listCustomerTimeline } from '@/lib/customers/timeline';
import { decodeCursor } from '@/lib/http/cursor';
import { getLoyaltySummary } from '@/lib/loyalty/queries';
import { getI18n } from '@/lib/next/i18n';
import { valueForPage } from '@/lib/next/page-guard';
import { requirePage } from '@/lib/next/session';
import { listChannels } from '@/lib/orders/queries';
import { readCustomer } from './read-customer';
import { readPrivacy } from './read-privacy';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function displayName(p: { firstName: string; lastName: string; email: string | null }): string | null {
  return `${p.firstName} ${p.lastName}`.trim() || p.email;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ id }, { t }] = await Promise.all([params, getI18n()]);
  // The same authorised read as the page: no name in the title past a refusal.
  const read = await readCustomer(id);
  return { title: read.ok ? (displayName(read.value) ?? t('customers.profile.unnamed')) : t('customers.title') };
}

export default async function CustomerPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ id }, sp, ctx, { locale, t }] = await Promise.all([
    params,
    searchParams,
    requirePage('customers.view'),
    getI18n(),
  ]);
  const profile = valueForPage(await readCustomer(id));
  if (profile.mergedIntoId) redirect(`/customers/${profile.mergedIntoId}`);

  const after = decodeCursor(Array.isArray(sp.after) ? sp.after[0] : sp.after);
  const db = await getDb();
  const [overview, timeline, channels, loyalty, privacy] = await Promise.all([
    getCustomerOverview(db, ctx, profile, locale),
    listCustomerTimeline(db, ctx, profile.id, { after, locale }),
    listChannels(db, locale),
    getLoyaltySummary(db, profile.id),
    readPrivacy(ctx, profile),
  ]);
  const base = `/customers/${profile.id}`;
  // An erased customer's personal data is not entered again (the use cases refuse it too); those
  // who could edit are told why the controls are gone.
  const erased = can(ctx, 'customers.edit') && privacy.erasedAt !== null;
  const canEdit = can(ctx, 'customers.edit') && !erased;

  return (
    <>
      <Link
        href="/customers"
        className="mb-3 inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground print:hidden"
      >
        <Icon node={ArrowLeft} aria-hidden className="size-4" />
        {t('customers.profile.back')}
      </Link>
      <PageHeader
        title={displayName(profile) ?? t('customers.profile.unnamed')}
        description={t('customers.profile.description')}
      />
      <UndoMergeBanner survivorId={profile.id} />
      <ProfileStats profile={profile} overview={overview} loyaltyBalance={loyalty.balance} />
      <div className="mb-6 grid gap-4 md:grid-cols-3">
        <ContactCard profile={profile} canEdit={canEdit} erased={erased} />
        <IdentitiesCard profile={profile} channels={channels} />
        <AddressesCard addresses={overview.addresses} />
      </div>
      <OpenPickups pickups={overview.openPickups} />
      <StockAlerts alerts={overview.stockAlerts} />
      <LoyaltySection customerId={profile.id} summary={loyalty} canChange={canEdit} erased={erased} />
      <ProfileTimeline
        customerId={profile.id}
        page={timeline}
        firstHref={after ? base : null}
        nextHref={timeline.next ? `${base}?after=${timeline.next}` : null}
        viewerId={ctx.userId}
        canEdit={canEdit}
        erased={erased}
      />
      <PrivacySection {...privacy} />
      <RecentProfileRecorder userId={ctx.userId} customerId={profile.id} />
    </>
  );
}
