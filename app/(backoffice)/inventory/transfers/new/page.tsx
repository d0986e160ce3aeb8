import type { Metadata } from 'next';
import { TransferForm } from '@/components/inventory/transfer-form';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listLocations } from '@/lib/inventory/queries/locations';
import { transferPrefill, type SearchParams } from '../prefill';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('inventory.transfers.newTitle') };
}

export default async function NewTransferPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [ctx, { locale, t }, sp] = await Promise.all([requirePage('inventory.transfer'), getI18n(), searchParams]);
  const db = await getDb();
  const [prefill, all] = await Promise.all([transferPrefill(db, sp), listLocations(db, locale)]);
  const pick = ({ id, code, name }: (typeof all)[number]) => ({ id, code, name });
  const sources = all.filter((l) => can(ctx, 'inventory.transfer', l.id)).map(pick);
  const destinations = all.map(pick);

  const sourceId = sources.find((s) => s.id === prefill.from)?.id ?? sources[0]?.id ?? '';
  const destinationId = destinations.find((d) => d.id === prefill.to && d.id !== sourceId)?.id ?? '';

  return (
    <>
      <PageHeader title={t('inventory.transfers.newTitle')} description={t('inventory.transfers.newDescription')} />
      {sources.length === 0 ? (
        <EmptyState title={t('inventory.transfers.noSource')} />
      ) : (
        <Card className="max-w-4xl">
          <CardContent className="pt-5">
            <TransferForm
              sources={sources}
              destinations={destinations}
              initial={{ sourceId, destinationId, lines: prefill.lines }}
            />
          </CardContent>
        </Card>
      )}
    </>
  );
}
