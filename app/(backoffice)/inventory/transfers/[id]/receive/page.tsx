import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ChevronLeft, PackageCheck } from 'lucide';
import { ReceiveScan } from '@/components/inventory/receive-scan';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { Forbidden } from '@/lib/errors';
import { settle, valueForPage } from '@/lib/next/page-guard';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { getTransferForActor } from '@/lib/inventory/queries/transfers';

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('inventory.transfers.scanReceive') };
}

/**
 * Receiving a transfer by scanning its items, at its destination only: a manager of another
 * location (or an agent) is forbidden before anything is shown. The receipt itself is checked again
 * by receiveTransferUnits.
 */
export default async function ReceiveTransferPage({ params }: { params: Params }) {
  const [, { t, locale }, { id }] = await Promise.all([requirePage('inventory.transfer'), getI18n(), params]);
  const transfer = valueForPage(
    await settle(async (actor) => {
      const read = await getTransferForActor(await getDb(), actor, id, locale);
      if (!can(actor, 'inventory.transfer', read.destination.id))
        throw new Forbidden('You cannot receive at this location.');
      return read;
    }),
  );

  return (
    <>
      <Link
        href={`/inventory/transfers/${transfer.id}`}
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <Icon node={ChevronLeft} aria-hidden className="size-4" />
        {t('inventory.transfers.scan.back', { number: transfer.number })}
      </Link>
      <PageHeader
        title={t('inventory.transfers.scan.title', { number: transfer.number })}
        description={t('inventory.transfers.scan.description')}
      />
      {transfer.status !== 'in_transit' ? (
        <EmptyState icon={<Icon node={PackageCheck} />} title={t('inventory.transfers.scan.notInTransit')} />
      ) : (
        <Card>
          <CardContent className="pt-5">
            <ReceiveScan
              // A new delivery starts from what the last one left: remount when it changes.
              key={transfer.lines.map((l) => l.quantityReceived ?? 0).join(',')}
              transferId={transfer.id}
              destination={transfer.destination.name}
              lines={transfer.lines
                .filter((l) => l.quantity > 0)
                .map((l) => ({
                  variantId: l.variantId,
                  sku: l.sku,
                  barcode: l.barcode,
                  productName: l.productName,
                  variantTitle: l.variantTitle,
                  shipped: l.quantity,
                  before: l.quantityReceived ?? 0,
                }))}
            />
          </CardContent>
        </Card>
      )}
    </>
  );
}
