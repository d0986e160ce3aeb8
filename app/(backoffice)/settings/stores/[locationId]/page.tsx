import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { cache } from 'react';
import { Icon } from '@/components/ui/icons';
import { ArrowLeft } from 'lucide';
import { SettingsNav } from '@/components/settings/settings-nav';
import { StoreSettingsForm } from '@/components/settings/store-settings-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { getI18n } from '@/lib/next/i18n';
import { settle, valueForPage } from '@/lib/next/page-guard';
import { requirePage } from '@/lib/next/session';
import { getStoreSettingsForActor } from '@/lib/stores/queries';
import { fromOpeningHours } from '@/lib/stores/schemas';

type Params = Promise<{ locationId: string }>;

/** The page and its title share one authorised read. */
const readStore = cache(async (locationId: string) => {
  const [db, { locale }] = await Promise.all([getDb(), getI18n()]);
  return settle((actor) => getStoreSettingsForActor(db, actor, locationId, locale));
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ locationId }, { t }] = await Promise.all([params, getI18n()]);
  const read = await readStore(locationId);
  return { title: read.ok ? `${read.value.code} · ${read.value.name}` : t('storeSettings.title') };
}

/** One store's click-and-collect settings (owners): the form on the action's own schema. */
export default async function StoreSettingsPage({ params }: { params: Params }) {
  const [{ locationId }, , { t }] = await Promise.all([params, requirePage('settings.manage'), getI18n()]);
  const store = valueForPage(await readStore(locationId));
  const name = `${store.code} · ${store.name}`;

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <SettingsNav active="stores" />
      <Link
        href="/settings/stores"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <Icon node={ArrowLeft} aria-hidden className="size-4" />
        {t('storeSettings.back')}
      </Link>
      <h2 className="text-lg font-semibold tracking-tight">{t('storeSettings.editTitle', { store: name })}</h2>
      <p className="mb-5 mt-1 text-sm text-muted-foreground">
        {t('storeSettings.editDescription', { zone: store.timeZone })}
      </p>
      <StoreSettingsForm
        storeName={name}
        initial={{
          locationId: store.id,
          openingHours: fromOpeningHours(store.openingHours),
          preparationMinutes: store.preparationMinutes,
          holdDays: store.holdDays,
          pickupEnabled: store.pickupEnabled,
          pickupPaused: store.pickupPaused,
        }}
      />
    </>
  );
}
