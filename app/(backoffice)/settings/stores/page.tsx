import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { SettingsNav } from '@/components/settings/settings-nav';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { getI18n } from '@/lib/next/i18n';
import { requirePage } from '@/lib/next/session';
import { listStoreSettingsForActor } from '@/lib/stores/queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('storeSettings.title') };
}

/** Settings → Stores (owners): every store's click-and-collect settings at a glance; a store's name opens its form. */
export default async function StoresSettingsPage() {
  const [ctx, { t, locale }] = await Promise.all([requirePage('settings.manage'), getI18n()]);
  const stores = await listStoreSettingsForActor(await getDb(), ctx, locale);

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <SettingsNav active="stores" />
      <h2 className="text-lg font-semibold tracking-tight">{t('storeSettings.title')}</h2>
      <p className="mb-4 mt-1 text-sm text-muted-foreground">{t('storeSettings.description')}</p>
      {stores.length === 0 ? (
        <EmptyState title={t('storeSettings.title')} description={t('storeSettings.empty')} headingLevel={3} />
      ) : (
        <Table label={t('storeSettings.tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('storeSettings.columns.store')}</TableHead>
              <TableHead>{t('storeSettings.columns.pickup')}</TableHead>
              <TableHead numeric>{t('storeSettings.columns.preparation')}</TableHead>
              <TableHead numeric>{t('storeSettings.columns.hold')}</TableHead>
              <TableHead>{t('storeSettings.columns.hours')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {stores.map((s) => {
              const openDays = Object.values(s.openingHours).filter((list) => list && list.length > 0).length;
              return (
                <TableRow key={s.id}>
                  <TableCell>
                    <Link
                      href={`/settings/stores/${s.id}`}
                      className="font-medium text-foreground underline-offset-2 hover:underline"
                    >
                      {s.code} · {s.name}
                    </Link>
                    <div className="text-xs text-muted-foreground">
                      {s.city}
                      {s.active ? null : ` · ${t('storeSettings.inactive')}`}
                    </div>
                  </TableCell>
                  <TableCell>
                    {!s.pickupEnabled ? (
                      <Badge variant="closed">{t('storeSettings.status.off')}</Badge>
                    ) : s.pickupPaused ? (
                      <Badge variant="waiting">{t('storeSettings.status.paused')}</Badge>
                    ) : (
                      <Badge variant="done">{t('storeSettings.status.on')}</Badge>
                    )}
                  </TableCell>
                  <TableCell numeric className="whitespace-nowrap">
                    {t('storeSettings.minutes', { count: s.preparationMinutes })}
                  </TableCell>
                  <TableCell numeric className="whitespace-nowrap">
                    {t('storeSettings.days', { count: s.holdDays })}
                  </TableCell>
                  <TableCell>{t('storeSettings.openDays', { count: openDays })}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </>
  );
}
