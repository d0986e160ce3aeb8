import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { inventoryLevels, locations, products, staffUsers, userLocations, variants } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { changeStock } from '@/lib/inventory/ledger';

/**
 * A small world for use-case tests: Paris and Lyon stores, a warehouse, three SKUs stocked
 * through the ledger, and one actor per role (the manager runs Paris only).
 */
export async function makeInventoryWorld(db: Db, opts: { stock?: number } = {}) {
  const stock = opts.stock ?? 10;
  const [paris, lyon, warehouse] = await db
    .insert(locations)
    .values([
      { code: 'PAR', name: 'Paris Rivoli', kind: 'store', city: 'Paris', pickupEnabled: true },
      { code: 'LYS', name: 'Lyon Part-Dieu', kind: 'store', city: 'Lyon', pickupEnabled: true },
      { code: 'WH', name: 'Entrepôt Orléans', kind: 'warehouse', city: 'Orléans' },
    ])
    .returning({ id: locations.id });
  const [product] = await db
    .insert(products)
    .values({ name: 'Pull marin', brand: 'Armor', category: 'Knitwear' })
    .returning({ id: products.id });
  const skus = await db
    .insert(variants)
    .values(
      ['S', 'M', 'L'].map((size, i) => ({
        productId: product.id,
        sku: `PULL-${size}`,
        barcode: ['3560070048021', '3560070048038', '3560070048045'][i],
        title: size,
        priceCents: 5900,
        costCents: 2100,
      })),
    )
    .returning({ id: variants.id, sku: variants.sku });
  const users = await db
    .insert(staffUsers)
    .values([
      { email: 'o@t.test', name: 'Owner', passwordHash: 'x', role: 'owner' },
      { email: 'm@t.test', name: 'Manager', passwordHash: 'x', role: 'manager' },
      { email: 'a@t.test', name: 'Agent', passwordHash: 'x', role: 'agent' },
    ])
    .returning({ id: staffUsers.id });
  await db.insert(userLocations).values({ userId: users[1].id, locationId: paris.id });

  const locs = [paris.id, lyon.id, warehouse.id];
  await db.insert(inventoryLevels).values(skus.flatMap((v) => locs.map((l) => ({ variantId: v.id, locationId: l }))));
  if (stock > 0) {
    await db.transaction(async (tx) => {
      for (const v of skus) {
        for (const l of locs) {
          await changeStock(tx, {
            variantId: v.id,
            locationId: l,
            deltaOnHand: stock,
            reason: 'receipt',
            referenceType: 'seed',
          });
        }
      }
    });
  }

  const owner: Actor = { userId: users[0].id, role: 'owner', locationIds: [] };
  const manager: Actor = { userId: users[1].id, role: 'manager', locationIds: [paris.id] };
  const agent: Actor = { userId: users[2].id, role: 'agent', locationIds: [] };
  return { paris: paris.id, lyon: lyon.id, warehouse: warehouse.id, skus, owner, manager, agent };
}

export type InventoryWorld = Awaited<ReturnType<typeof makeInventoryWorld>>;

/** The inventory row of one (SKU, location), read straight from the table rather than through the code under test. */
export async function level(
  db: Db,
  variantId: string,
  locationId: string,
): Promise<{ onHand: number; reserved: number }> {
  const [row] = await db
    .select({ onHand: inventoryLevels.onHand, reserved: inventoryLevels.reserved })
    .from(inventoryLevels)
    .where(and(eq(inventoryLevels.variantId, variantId), eq(inventoryLevels.locationId, locationId)));
  return row;
}
