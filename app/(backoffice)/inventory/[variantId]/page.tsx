import type { Metadata } from 'next';
import { cache } from 'react';
import { z } from 'zod';
import { ChannelLimits } from '@/components/inventory/sku/channel-limits';
import { OnHandHistory } from '@/components/inventory/sku/on-hand-history';
import { OpenReservations } from '@/components/inventory/sku/open-reservations';
import { SkuHeader } from '@/components/inventory/sku/sku-header';
import { SkuTransfers } from '@/components/inventory/sku/sku-transfers';
import { StockAlertDemand } from '@/components/inventory/sku/stock-alert-demand';
import { StockLevels } from '@/components/inventory/sku/stock-levels';
import { StockMovements } from '@/components/inventory/sku/stock-movements';
import { getDb } from '@/db/client';
import { settle, valueForPage } from '@/lib/next/page-guard';
import { can, scopeOf } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listChannelLimits } from '@/lib/inventory/availability';
import { listLocations } from '@/lib/inventory/queries/locations';
import { listLedger, listOpenReservations, onHandHistory } from '@/lib/inventory/queries/sku-activity';
import { getSkuDetailForActor } from '@/lib/inventory/queries/sku-detail';
import { listTransfersForActor } from '@/lib/inventory/queries/transfers';
import { listStockAlertDemand } from '@/lib/inventory/stock-alerts/queries';

type Params = Promise<{ variantId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const ZBefore = z.coerce.number().int().positive().optional().catch(undefined);

/** One authorised read per request, shared by the title and the page (cost values only where allowed; locations by the names shown in the request's language). */
const readSku = cache(async (id: string) =>
  settle(async (actor) => {
    const [db, { locale }] = await Promise.all([getDb(), getI18n()]);
    return getSkuDetailForActor(db, actor, id, locale);
  }),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const read = await readSku((await params).variantId);
  return read.ok ? { title: `${read.value.sku} · ${read.value.productName}` } : {};
}

export default async function SkuPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [ctx, { variantId }, sp, { locale }] = await Promise.all([
    requirePage('inventory.view'),
    params,
    searchParams,
    getI18n(),
  ]);
  // Missing or malformed → 404, before anything streams.
  const detail = valueForPage(await readSku(variantId));
  const before = ZBefore.parse(Array.isArray(sp.before) ? sp.before[0] : sp.before);
  const db = await getDb();
  // Stock levels of every location are visible to all staff; a manager's ledger, reservations
  // and transfers are those of their own locations (they carry counts, orders and transfers of
  // other stores, which are not theirs to see).
  const mine = scopeOf(ctx, 'inventory.transfers.view');
  const [ledger, history, reservations, { transfers }, locations, channelLimits, demand] = await Promise.all([
    listLedger(db, variantId, { before, limit: 25, locationIds: mine }),
    onHandHistory(db, variantId, 90),
    listOpenReservations(db, variantId, { locationIds: scopeOf(ctx, 'orders.view') }),
    listTransfersForActor(db, ctx, { locationIds: null, variantId, limit: 20 }),
    listLocations(db, locale),
    listChannelLimits(db, variantId, locale),
    listStockAlertDemand(db, variantId, locale),
  ]);
  const adjustable = new Set(
    detail.levels.filter((l) => can(ctx, 'inventory.adjust', l.locationId)).map((l) => l.locationId),
  );
  const timeZoneByCode = new Map(locations.map((l) => [l.code, l.timeZone]));
  const nameByCode = new Map(detail.levels.map((l) => [l.code, l.name]));

  return (
    <>
      <SkuHeader detail={detail} />
      <StockLevels detail={detail} adjustableLocationIds={adjustable} />
      <ChannelLimits
        variantId={detail.variantId}
        sku={detail.sku}
        channelLimits={channelLimits}
        canCap={can(ctx, 'settings.manage')}
      />
      <StockAlertDemand demand={demand} />
      <OnHandHistory history={history} levels={detail.levels} />
      <div className="mb-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <OpenReservations reservations={reservations} timeZoneByCode={timeZoneByCode} />
        <SkuTransfers transfers={transfers} timeZoneByCode={timeZoneByCode} />
      </div>
      <StockMovements
        variantId={variantId}
        ledger={ledger}
        before={before}
        timeZoneByCode={timeZoneByCode}
        nameByCode={nameByCode}
      />
    </>
  );
}
