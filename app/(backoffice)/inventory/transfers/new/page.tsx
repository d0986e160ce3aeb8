import type { Metadata } from 'next';
import { z } from 'zod';
import { lineFromLookup, type EditorLine } from '@/components/inventory/lines';
import { TransferForm } from '@/components/inventory/transfer-form';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listLocations } from '@/lib/inventory/queries/locations';
import { findSkuDetail, toSkuLookup } from '@/lib/inventory/queries/sku-detail';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('inventory.transfers.newTitle') };
}

/** Pre-fill from the replenishment view: ?from=&to=&variant=&qty= (each ignored when not valid). */
const ZPrefill = z.object({
  from: z.uuid().optional().catch(undefined),
  to: z.uuid().optional().catch(undefined),
  variant: z.uuid().optional().catch(undefined),
  qty: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

export default async function NewTransferPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [ctx, { locale, t }, sp] = await Promise.all([requirePage('inventory.transfer'), getI18n(), searchParams]);
  const prefill = ZPrefill.parse(
    Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const db = await getDb();
  const all = await listLocations(db, locale);
  const pick = ({ id, code, name }: (typeof all)[number]) => ({ id, code, name });
  const sources = all.filter((l) => can(ctx, 'inventory.transfer', l.id)).map(pick);
  const destinations = all.map(pick);

  const sourceId = sources.find((s) => s.id === prefill.from)?.id ?? sources[0]?.id ?? '';
  const destinationId = destinations.find((d) => d.id === prefill.to && d.id !== sourceId)?.id ?? '';
  const lines: EditorLine[] = [];
  if (prefill.variant) {
    const detail = await findSkuDetail(db, prefill.variant);
    if (detail) {
      lines.push(lineFromLookup(toSkuLookup(detail), prefill.qty ?? 1));
    }
  }

  return (
    <>
      <PageHeader title={t('inventory.transfers.newTitle')} description={t('inventory.transfers.newDescription')} />
      {sources.length === 0 ? (
        <EmptyState title={t('inventory.transfers.noSource')} />
      ) : (
        <Card className="max-w-4xl">
          <CardContent className="pt-5">
            <TransferForm sources={sources} destinations={destinations} initial={{ sourceId, destinationId, lines }} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
