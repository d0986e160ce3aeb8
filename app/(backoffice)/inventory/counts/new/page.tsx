import type { Metadata } from 'next';
import { CountStartForm } from '@/components/inventory/count-start-form';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listCategories, listLocations } from '@/lib/inventory/queries/locations';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('inventory.counts.newTitle') };
}

export default async function NewCountPage() {
  const [ctx, { locale, t }] = await Promise.all([requirePage('inventory.adjust'), getI18n()]);
  const db = await getDb();
  const [all, { categories }] = await Promise.all([listLocations(db, locale), listCategories(db)]);
  const locations = all
    .filter((l) => can(ctx, 'inventory.adjust', l.id))
    .map(({ id, code, name }) => ({ id, code, name }));
  return (
    <>
      <PageHeader title={t('inventory.counts.newTitle')} description={t('inventory.counts.newDescription')} />
      {locations.length === 0 ? (
        <EmptyState title={t('inventory.counts.noLocation')} />
      ) : (
        <Card className="max-w-2xl">
          <CardContent className="pt-5">
            <CountStartForm locations={locations} categories={categories} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
