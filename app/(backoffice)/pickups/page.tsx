import type { Metadata } from 'next';
import { Icon } from '@/components/ui/icons';
import { ScanLine, Store } from 'lucide';
import { PickupQueueView } from '@/components/pickups/pickup-queue';
import { StoreChooser } from '@/components/pickups/store-chooser';
import { QueryProvider } from '@/components/query-provider';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { getI18n } from '@/lib/next/i18n';
import { requirePage } from '@/lib/next/session';
import { chooseQueueStore, firstParam, type SearchParams } from '@/lib/next/queue-store';
import { getPickupQueue, QUEUE_TABS, type QueueTab } from '@/lib/pickups/queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('pickups.title') };
}

/**
 * The store's pickup queue: a manager's own click-and-collect stores, any for an owner (the first
 * by code unless the URL names one); the queue itself stays live in the browser.
 */
export default async function PickupsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [ctx, { locale, t }, sp] = await Promise.all([requirePage('pickups.view'), getI18n(), searchParams]);
  const [db, { stores, store }] = await Promise.all([getDb(), chooseQueueStore(ctx, sp)]);
  const tabParam = firstParam(sp.tab);
  const tab: QueueTab = (QUEUE_TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as QueueTab) : 'to_pick';

  return (
    <>
      <PageHeader
        title={t('pickups.title')}
        description={t('pickups.description')}
        action={
          store && can(ctx, 'pickups.manage', store.id) ? (
            <ButtonLink href={`/pickups/counter?${new URLSearchParams({ location: store.id })}`}>
              <Icon node={ScanLine} aria-hidden />
              {t('pickupCounter.open')}
            </ButtonLink>
          ) : null
        }
      />
      {!store ? (
        <EmptyState icon={<Icon node={Store} />} title={t('pickupQueue.noStore')} />
      ) : (
        <>
          {stores.length > 1 ? (
            <StoreChooser
              action="/pickups"
              id="pickup-store"
              label={t('pickupQueue.store')}
              submitLabel={t('pickupQueue.show')}
              stores={stores}
              value={store.id}
              keep={{ tab }}
            />
          ) : null}
          <QueryProvider>
            <PickupQueueView
              key={`${store.id}:${tab}`}
              initial={await getPickupQueue(db, ctx, { locationId: store.id, tab, locale })}
            />
          </QueryProvider>
        </>
      )}
    </>
  );
}
