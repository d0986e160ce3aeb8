import type { Metadata } from 'next';
import { Icon } from '@/components/ui/icons';
import { ArrowLeft, Store } from 'lucide';
import { PickupCounter } from '@/components/pickups/counter/pickup-counter';
import { StoreChooser } from '@/components/pickups/store-chooser';
import { QueryProvider } from '@/components/query-provider';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getI18n } from '@/lib/next/i18n';
import { requirePage } from '@/lib/next/session';
import { chooseQueueStore, firstParam, type SearchParams } from '@/lib/next/queue-store';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('pickupCounter.title') };
}

/**
 * The hand-over at the counter: one store (a manager's own, any for an owner; the first by code
 * unless the URL names one), one search field for what the customer gives, and the hand-over of
 * the parcel chosen. `q` in the URL starts the search (the queue's "Hand over" links carry the code).
 */
export default async function PickupCounterPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [ctx, { t }, sp] = await Promise.all([requirePage('pickups.manage'), getI18n(), searchParams]);
  const { stores, store } = await chooseQueueStore(ctx, sp);
  const initialQuery = (firstParam(sp.q) ?? '').slice(0, 200);

  return (
    <>
      <PageHeader
        title={t('pickupCounter.title')}
        description={t('pickupCounter.description')}
        action={
          <ButtonLink
            variant="secondary"
            href={store ? `/pickups?${new URLSearchParams({ location: store.id, tab: 'ready' })}` : '/pickups'}
          >
            <Icon node={ArrowLeft} aria-hidden />
            {t('pickupCounter.back')}
          </ButtonLink>
        }
      />
      {!store ? (
        <EmptyState icon={<Icon node={Store} />} title={t('pickupCounter.noStore')} />
      ) : (
        <>
          {stores.length > 1 ? (
            <StoreChooser
              action="/pickups/counter"
              id="counter-store"
              label={t('pickupCounter.store')}
              submitLabel={t('pickupCounter.show')}
              stores={stores}
              value={store.id}
            />
          ) : null}
          <QueryProvider>
            <PickupCounter
              key={store.id}
              store={{ id: store.id, code: store.code, name: store.name, timeZone: store.timeZone }}
              staffName={ctx.name}
              initialQuery={initialQuery}
            />
          </QueryProvider>
        </>
      )}
    </>
  );
}
