import type { Metadata } from 'next';
import { RequestForm } from '@/components/inventory/request-form';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listLocations } from '@/lib/inventory/queries/locations';
import { todayIn } from '@/lib/system/time-zone';
import { transferPrefill, type SearchParams } from '../prefill';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('inventory.transfers.requestTitle') };
}

/**
 * A store asks for stock: for a location the user may receive at (a manager's own stores), from any
 * other. The server checks the destination again (requestTransferAction, requestTransfer).
 */
export default async function RequestTransferPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [ctx, { locale, t }, sp] = await Promise.all([requirePage('inventory.transfer'), getI18n(), searchParams]);
  const db = await getDb();
  const [prefill, all] = await Promise.all([transferPrefill(db, sp), listLocations(db, locale)]);
  const pick = ({ id, code, name }: (typeof all)[number]) => ({ id, code, name });
  const mine = all.filter((l) => can(ctx, 'inventory.transfer', l.id));
  const destination = mine.find((d) => d.id === prefill.to) ?? mine[0];
  const sourceId = all.find((s) => s.id === prefill.from && s.id !== destination?.id)?.id ?? '';

  return (
    <>
      <PageHeader
        title={t('inventory.transfers.requestTitle')}
        description={t('inventory.transfers.requestDescription')}
      />
      {!destination ? (
        <EmptyState title={t('inventory.transfers.noRequestDestination')} />
      ) : (
        <Card className="max-w-4xl">
          <CardContent className="pt-5">
            <RequestForm
              destinations={mine.map(pick)}
              sources={all.map(pick)}
              initial={{ sourceId, destinationId: destination.id, lines: prefill.lines }}
              today={todayIn(destination.timeZone)}
            />
          </CardContent>
        </Card>
      )}
    </>
  );
}
