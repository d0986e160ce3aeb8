import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  customers,
  inventoryLevels,
  locations,
  orderLines,
  orders,
  pickupLines,
  pickups,
  products,
  variants,
} from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { localName, localNameSql } from '@/lib/i18n/local-name';
import type { PickupState } from './state-machine';
import { listRerouteStores, type RerouteStore } from './reroute-pickup';

export type PickListLine = {
  orderLineId: string;
  lineNo: number;
  sku: string;
  barcode: string | null;
  productName: string;
  /** The variant in full: size, colour… as the catalogue names it. */
  variantTitle: string;
  /** Where the SKU sits at the pickup's store (inventory_levels.bin), when the store has said. */
  bin: string | null;
  quantity: number;
  picked: number;
  short: number;
  shortReason: 'not_found' | 'damaged' | null;
};

export type PickList = {
  pickupId: string;
  state: PickupState;
  code: string | null;
  dueBy: Date | null;
  readyAt: Date | null;
  store: { id: string; code: string; name: string; timeZone: string };
  order: { id: string; number: string; placedAt: Date; currency: string; customerName: string | null };
  lines: PickListLine[];
  /** Stores that could take the whole order now (for a reroute); empty when the pickup cannot move. */
  rerouteStores: RerouteStore[];
};

/**
 * One pickup's pick list for a staff member who may work on pickups at its store (404 when
 * missing, 403 at another store): the order's lines with product, variant in full, SKU and barcode,
 * each line's pick state, and where it could be rerouted.
 */
export async function getPickListForActor(
  db: DbOrTx,
  actor: Actor,
  pickupId: string,
  locale?: Locale,
): Promise<PickList> {
  const [row] = await db
    .select({
      pickupId: pickups.id,
      state: pickups.state,
      code: pickups.code,
      dueBy: pickups.dueBy,
      readyAt: pickups.readyAt,
      locationId: pickups.locationId,
      orderId: orders.id,
      number: orders.number,
      placedAt: orders.placedAt,
      currency: orders.currency,
      firstName: customers.firstName,
      lastName: customers.lastName,
      storeCode: locations.code,
      storeName: locations.name,
      storeNames: locations.names,
      timeZone: locations.timeZone,
    })
    .from(pickups)
    .innerJoin(orders, eq(orders.id, pickups.orderId))
    .innerJoin(locations, eq(locations.id, pickups.locationId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(pickups.id, pickupId));
  if (!row) throw new NotFound('Pickup');
  if (!can(actor, 'pickups.view', row.locationId)) throw new Forbidden('This pickup is not at one of your stores.');
  const lines = await pickLinesOf(db, [{ pickupId: row.pickupId, orderId: row.orderId }]);
  const movable = row.state === 'placed' || row.state === 'to_pick' || row.state === 'awaiting_transfer';
  const name = [row.firstName, row.lastName].filter(Boolean).join(' ');
  return {
    pickupId: row.pickupId,
    state: row.state,
    code: row.code,
    dueBy: row.dueBy,
    readyAt: row.readyAt,
    store: {
      id: row.locationId,
      code: row.storeCode,
      name: localName({ name: row.storeName, names: row.storeNames }, locale),
      timeZone: row.timeZone,
    },
    order: {
      id: row.orderId,
      number: row.number,
      placedAt: row.placedAt,
      currency: row.currency,
      customerName: name || null,
    },
    lines: lines.get(row.pickupId) ?? [],
    rerouteStores: movable
      ? await listRerouteStores(db, { id: row.pickupId, orderId: row.orderId, locationId: row.locationId }, locale)
      : [],
  };
}

async function pickLinesOf(db: DbOrTx, of: { pickupId: string; orderId: string }[]) {
  const byOrder = new Map(of.map((o) => [o.orderId, o.pickupId]));
  const rows =
    of.length === 0
      ? []
      : await db
          .select({
            orderId: orderLines.orderId,
            orderLineId: orderLines.id,
            lineNo: orderLines.lineNo,
            sku: orderLines.sku,
            barcode: variants.barcode,
            productName: products.name,
            variantTitle: variants.title,
            bin: inventoryLevels.bin,
            quantity: orderLines.quantity,
            picked: sql<number>`coalesce(${pickupLines.quantityPicked}, 0)`.mapWith(Number),
            short: sql<number>`coalesce(${pickupLines.quantityShort}, 0)`.mapWith(Number),
            shortReason: pickupLines.shortReason,
          })
          .from(orderLines)
          .innerJoin(variants, eq(variants.id, orderLines.variantId))
          .innerJoin(products, eq(products.id, variants.productId))
          .innerJoin(pickups, eq(pickups.orderId, orderLines.orderId))
          .leftJoin(pickupLines, and(eq(pickupLines.pickupId, pickups.id), eq(pickupLines.orderLineId, orderLines.id)))
          .leftJoin(
            inventoryLevels,
            and(
              eq(inventoryLevels.variantId, orderLines.variantId),
              eq(inventoryLevels.locationId, pickups.locationId),
              // Only a row with a bin is of use here: inventory_levels_bin_idx, not the large primary key.
              isNotNull(inventoryLevels.bin),
            ),
          )
          .where(inArray(orderLines.orderId, [...byOrder.keys()]))
          .orderBy(asc(orderLines.orderId), asc(orderLines.lineNo));
  const out = new Map<string, PickListLine[]>();
  for (const { orderId, ...line } of rows) {
    const pickupId = byOrder.get(orderId)!;
    out.set(pickupId, [...(out.get(pickupId) ?? []), line]);
  }
  return out;
}

export type BatchPickOrder = {
  pickupId: string;
  number: string;
  customerName: string | null;
  placedAt: Date;
  state: PickupState;
  lines: PickListLine[];
};

export type BatchPickList = {
  store: { id: string; code: string; name: string; timeZone: string } | null;
  orders: BatchPickOrder[];
  /** The same SKUs gathered once: how many in all, and which orders each goes to. */
  bySku: {
    sku: string;
    barcode: string | null;
    productName: string;
    variantTitle: string;
    bin: string | null;
    toPick: number;
    orders: { number: string; quantity: number }[];
  }[];
};

/** The most orders one printed batch takes. */
export const MAX_BATCH = 100;

/**
 * A printable batch pick list: the given pickups, or those of one store in one state (oldest
 * first), limited to the stores the actor may view (others are left out, never shown), at most
 * MAX_BATCH. Grouped by SKU (what to gather, with the orders each unit goes to, units still to
 * pick), walked bin by bin (SKUs without a bin last, then by SKU), and by order.
 */
export async function getBatchPickList(
  db: DbOrTx,
  actor: Actor,
  filter: { ids: string[] } | { locationId: string; state: PickupState },
  locale?: Locale,
): Promise<BatchPickList> {
  const where =
    'ids' in filter
      ? inArray(pickups.id, filter.ids.slice(0, MAX_BATCH))
      : and(eq(pickups.locationId, filter.locationId), eq(pickups.state, filter.state));
  const found = await db
    .select({
      pickupId: pickups.id,
      orderId: orders.id,
      locationId: pickups.locationId,
      state: pickups.state,
      number: orders.number,
      placedAt: orders.placedAt,
      firstName: customers.firstName,
      lastName: customers.lastName,
    })
    .from(pickups)
    .innerJoin(orders, eq(orders.id, pickups.orderId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(where)
    .orderBy(asc(pickups.placedAt), asc(orders.number))
    .limit(MAX_BATCH);
  const visible = found.filter((f) => can(actor, 'pickups.view', f.locationId));
  const lines = await pickLinesOf(db, visible);
  const storeIds = [...new Set(visible.map((v) => v.locationId))];
  const [store] =
    storeIds.length === 1
      ? await db
          .select({
            id: locations.id,
            code: locations.code,
            name: localNameSql(locations, locale),
            timeZone: locations.timeZone,
          })
          .from(locations)
          .where(eq(locations.id, storeIds[0]))
      : [null];
  const orderList = visible.map((v) => ({
    pickupId: v.pickupId,
    number: v.number,
    customerName: [v.firstName, v.lastName].filter(Boolean).join(' ') || null,
    placedAt: v.placedAt,
    state: v.state,
    lines: lines.get(v.pickupId) ?? [],
  }));
  const bySku = new Map<string, BatchPickList['bySku'][number]>();
  for (const o of orderList) {
    for (const l of o.lines) {
      const left = Math.max(0, l.quantity - l.short - l.picked);
      if (left === 0) continue;
      const g = bySku.get(l.sku) ?? {
        sku: l.sku,
        barcode: l.barcode,
        productName: l.productName,
        variantTitle: l.variantTitle,
        bin: l.bin,
        toPick: 0,
        orders: [],
      };
      g.toPick += left;
      g.orders.push({ number: o.number, quantity: left });
      bySku.set(l.sku, g);
    }
  }
  return {
    store: store ?? null,
    orders: orderList,
    bySku: [...bySku.values()].sort(byBinThenSku),
  };
}

/** The picking walk: bins in their natural order ("A-2" before "A-10"), SKUs without one last. */
const binOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
function byBinThenSku(a: { bin: string | null; sku: string }, b: { bin: string | null; sku: string }): number {
  if (a.bin !== b.bin) {
    if (a.bin === null) return 1;
    if (b.bin === null) return -1;
    const c = binOrder.compare(a.bin, b.bin);
    if (c !== 0) return c;
  }
  return a.sku.localeCompare(b.sku);
}
