import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { inventoryLevels, locations, products, variants } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import { isUuid } from '@/lib/uuid';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';
import { findVariantByCode } from './codes';
import { availableToPromise } from '../rules';

/**
 * What a scanned or typed code finds (GET /inventory/lookup): the SKU, its catalogue price and
 * its stock per location, for the line editors, the scan field and the phone order form.
 */
export type SkuLookup = {
  variantId: string;
  sku: string;
  barcode: string | null;
  productName: string;
  title: string;
  priceCents: number;
  currency: string;
  /** Available to promise over every location. */
  available: number;
  levels: { locationId: string; code: string; onHand: number; available: number }[];
};

/** A SKU by barcode or SKU code, for the lookup; null when no SKU has the code. */
export async function findSkuByCode(db: DbOrTx, code: string): Promise<SkuLookup | null> {
  const found = await findVariantByCode(db, code);
  const detail = found ? await findSkuDetail(db, found.id) : null;
  return detail ? toSkuLookup(detail) : null;
}

/** A SKU's detail as the lookup answers it (a page pre-filling a line from a known SKU). */
export function toSkuLookup(detail: SkuDetail): SkuLookup {
  return {
    variantId: detail.variantId,
    sku: detail.sku,
    barcode: detail.barcode,
    productName: detail.productName,
    title: detail.title,
    priceCents: detail.priceCents,
    currency: detail.currency,
    available: detail.levels.reduce((sum, l) => sum + l.available, 0),
    levels: detail.levels.map((l) => ({
      locationId: l.locationId,
      code: l.code,
      onHand: l.onHand,
      available: l.available,
    })),
  };
}

export type SkuDetail = {
  variantId: string;
  sku: string;
  barcode: string | null;
  title: string;
  productName: string;
  brand: string;
  category: string;
  priceCents: number;
  costCents: number;
  currency: string;
  levels: {
    locationId: string;
    code: string;
    name: string;
    onHand: number;
    reserved: number;
    safetyStock: number;
    reorderPoint: number;
    available: number;
    bin: string | null;
  }[];
};

/** A SKU with its stock level at every location (stores first, by the name shown in `locale`). */
export async function findSkuDetail(db: DbOrTx, variantId: string, locale?: Locale): Promise<SkuDetail | null> {
  const [v] = await db
    .select({
      variantId: variants.id,
      sku: variants.sku,
      barcode: variants.barcode,
      title: variants.title,
      productName: products.name,
      brand: products.brand,
      category: products.category,
      priceCents: variants.priceCents,
      costCents: variants.costCents,
      currency: variants.currency,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(variants.id, variantId));
  if (!v) return null;
  const name = localNameSql(locations, locale);
  const levels = await db
    .select({
      locationId: locations.id,
      code: locations.code,
      name,
      onHand: inventoryLevels.onHand,
      reserved: inventoryLevels.reserved,
      safetyStock: inventoryLevels.safetyStock,
      reorderPoint: inventoryLevels.reorderPoint,
      bin: inventoryLevels.bin,
    })
    .from(inventoryLevels)
    .innerJoin(locations, eq(locations.id, inventoryLevels.locationId))
    .where(eq(inventoryLevels.variantId, variantId))
    .orderBy(asc(locations.kind), asc(name), asc(locations.code));
  return {
    ...v,
    levels: levels.map((l) => ({ ...l, available: availableToPromise(l) })),
  };
}

export type SkuView = Omit<SkuDetail, 'costCents' | 'levels'> & {
  /** The cost price; null for whoever lacks 'inventory.cost.view' (agents). */
  costCents: number | null;
  levels: (SkuDetail['levels'][number] & {
    /** On hand × cost price, only at the locations where this user may see cost values. */
    valueCents: number | null;
  })[];
  /** The sum of the values shown; null when none is. */
  totalValueCents: number | null;
};

/**
 * The SKU page's read: 'inventory.view' before anything is read; every location's stock level
 * (visible read-only to all staff), the cost price only with 'inventory.cost.view' and the stock
 * value of a location only where that right reaches (a manager: their own stores). A malformed
 * or unknown id is NotFound. Locations by the name shown in `locale`.
 */
export async function getSkuDetailForActor(
  db: DbOrTx,
  actor: Actor,
  variantId: string,
  locale?: Locale,
): Promise<SkuView> {
  if (!can(actor, 'inventory.view')) throw new Forbidden();
  if (!isUuid(variantId)) throw new NotFound('SKU');
  const detail = await findSkuDetail(db, variantId, locale);
  if (!detail) throw new NotFound('SKU');
  const seesCost = can(actor, 'inventory.cost.view');
  const levels = detail.levels.map((l) => ({
    ...l,
    valueCents: seesCost && can(actor, 'inventory.cost.view', l.locationId) ? l.onHand * detail.costCents : null,
  }));
  const shown = levels.filter((l) => l.valueCents !== null);
  return {
    ...detail,
    costCents: seesCost ? detail.costCents : null,
    levels,
    totalValueCents: shown.length ? shown.reduce((a, l) => a + l.valueCents!, 0) : null,
  };
}
