import type { Metadata } from 'next';
import { LazyCsvImportForm } from '@/components/inventory/lazy-csv-import-form';
import { ReceiveForm } from '@/components/inventory/receive-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listLocations } from '@/lib/inventory/queries/locations';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('inventory.receive.title') };
}

export default async function ReceivePage() {
  const [ctx, { locale, t }] = await Promise.all([requirePage('inventory.adjust'), getI18n()]);
  const all = await listLocations(await getDb(), locale);
  // Only where this user may change stock; the action checks again on the server.
  const allowed = all.filter((l) => can(ctx, 'inventory.adjust', l.id));
  const locations = allowed.map(({ id, code, name }) => ({ id, code, name }));
  // Supplier deliveries land at the warehouse first when the user may receive there (owners).
  const defaultLocationId = (allowed.find((l) => l.kind === 'warehouse') ?? allowed[0])?.id ?? '';

  return (
    <>
      <PageHeader title={t('inventory.receive.title')} description={t('inventory.receive.description')} />
      {locations.length === 0 ? (
        <EmptyState title={t('inventory.receive.noLocation')} />
      ) : (
        <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Card>
            <CardHeader>
              <CardTitle>{t('inventory.receive.manual')}</CardTitle>
            </CardHeader>
            <CardContent>
              <ReceiveForm locations={locations} defaultLocationId={defaultLocationId} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('inventory.import.title')}</CardTitle>
              <CardDescription>{t('inventory.import.description')}</CardDescription>
            </CardHeader>
            <CardContent>
              <LazyCsvImportForm locations={locations} defaultLocationId={defaultLocationId} />
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}
