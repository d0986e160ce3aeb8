import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { inventoryLevels, products, variants } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { changeStock } from '../ledger';
import { listInventory } from './list';
import { searchSkus } from './sku-search';
import { ZInventoryListQuery } from '../schemas';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  // Pull marin S/M/L, 10 of each at Paris, Lyon and the warehouse.
  w = await makeInventoryWorld(handle.db);
  const [product] = await handle.db
    .insert(products)
    .values({ name: 'Marinière côtelée Étretat', brand: 'Armor', category: 'Knitwear' })
    .returning({ id: products.id });
  const added = await handle.db
    .insert(variants)
    .values(
      ['S', 'M'].map((size, i) => ({
        productId: product.id,
        sku: `MAR-ECR-${size}`,
        barcode: ['3760120000017', '3760120000024'][i],
        title: `Écru rayé bleu marine / ${size}`,
        priceCents: 7900,
        costCents: 3000,
      })),
    )
    .returning({ id: variants.id });
  await handle.db
    .insert(inventoryLevels)
    .values(added.flatMap((v) => [w.paris, w.lyon].map((locationId) => ({ variantId: v.id, locationId }))));
  await handle.db.transaction((tx) =>
    changeStock(tx, { variantId: added[1].id, locationId: w.lyon, deltaOnHand: 4, reason: 'receipt' }),
  );
});
afterAll(() => handle.close());

const skus = async (q: string, limit = 8) => (await searchSkus(handle.db, q, { limit })).map((s) => s.sku);

describe('searchSkus', () => {
  it('finds a product by the words of its name, without accents, in any case', async () => {
    expect(await skus('mariniere cotelee')).toEqual(['MAR-ECR-M', 'MAR-ECR-S']);
    expect(await skus('ETRETAT')).toEqual(['MAR-ECR-M', 'MAR-ECR-S']);
    // A typo still finds it.
    expect(await skus('mariniere cotlee')).toEqual(['MAR-ECR-M', 'MAR-ECR-S']);
  });

  it('reads back the product, the options in full, the price and what is available in total', async () => {
    const [m] = await searchSkus(handle.db, 'marinière', { limit: 1 });
    expect(m).toEqual({
      variantId: expect.any(String),
      sku: 'MAR-ECR-M',
      barcode: '3760120000024',
      productName: 'Marinière côtelée Étretat',
      title: 'Écru rayé bleu marine / M',
      priceCents: 7900,
      currency: 'EUR',
      available: 4,
    });
    expect((await searchSkus(handle.db, 'pull-s', { limit: 1 }))[0]).toMatchObject({ available: 30 });
  });

  it('finds a SKU by its exact barcode, not by the first digits every barcode shares', async () => {
    expect(await skus('3760120000017')).toEqual(['MAR-ECR-S']);
    expect(await skus(' 3560070048038 ')).toEqual(['PULL-M']);
    expect(await skus('376012')).toEqual([]);
  });

  it('finds SKUs by SKU prefix in any case, the exact SKU first', async () => {
    expect(await skus('pull-')).toEqual(['PULL-L', 'PULL-M', 'PULL-S']);
    expect(await skus('mar-ecr-s')).toEqual(['MAR-ECR-S']);
    // A SKU that begins others comes first, even when the limit keeps only it.
    await handle.db.insert(variants).values({
      productId: (await handle.db.select({ id: products.id }).from(products).limit(1))[0].id,
      sku: 'PULL',
      title: 'Lot',
      priceCents: 100,
      costCents: 50,
    });
    expect(await skus('pull', 1)).toEqual(['PULL']);
    expect(await skus('Pull', 2)).toEqual(['PULL', 'PULL-L']);
  });

  it('returns at most the limit, and nothing for a blank term', async () => {
    expect(await skus('pull-', 2)).toHaveLength(2);
    expect(await skus('mariniere', 1)).toEqual(['MAR-ECR-M']);
    expect(await skus('')).toEqual([]);
    expect(await skus('   ')).toEqual([]);
    expect(await skus('chaussette')).toEqual([]);
  });

  it('finds the names holding a word typed right, and names like it only when none holds it', async () => {
    const [product] = await handle.db
      .insert(products)
      .values({ name: 'Pantalon côtelé', brand: 'Armor', category: 'Trousers' })
      .returning({ id: products.id });
    await handle.db
      .insert(variants)
      .values({ productId: product.id, sku: 'PAN-COT-40', title: '40', priceCents: 8900, costCents: 3500 });
    // 'cotelee' is in the marinière's name only; the trousers' 'côtelé' merely resembles it.
    expect(await skus('cotelee')).toEqual(['MAR-ECR-M', 'MAR-ECR-S']);
    expect((await skus('cotele')).sort()).toEqual(['MAR-ECR-M', 'MAR-ECR-S', 'PAN-COT-40']);
    // A typo holds in no name: both resemble it.
    expect((await skus('cotelle')).sort()).toEqual(['MAR-ECR-M', 'MAR-ECR-S', 'PAN-COT-40']);
    const page = await listInventory(handle.db, ZInventoryListQuery.parse({ q: 'COTELLE', sort: 'sku' }), [
      w.paris,
      w.lyon,
    ]);
    expect(page.rows.map((r) => r.sku)).toEqual(['MAR-ECR-M', 'MAR-ECR-S']);
  });

  it('is the inventory list’s rule: the list finds names without accents too', async () => {
    const page = await listInventory(handle.db, ZInventoryListQuery.parse({ q: 'mariniere', sort: 'sku' }), [w.lyon]);
    expect(page.rows.map((r) => r.sku)).toEqual(['MAR-ECR-M', 'MAR-ECR-S']);
  });
});

describe('the list sorted by name, read from the first matching products', () => {
  it('pages the SKUs found by name in name then SKU order, both ways, two products of one name interleaved', async () => {
    const made = await handle.db
      .insert(products)
      .values(
        ['Gilet Albane', 'Gilet Albane', 'Bonnet Albane', 'Veste Albane'].map((name) => ({
          name,
          brand: 'Armor',
          category: 'Knitwear',
        })),
      )
      .returning({ id: products.id });
    const skusOf = [['ALB-A1', 'ALB-C1'], ['ALB-D1', 'ALB-B1'], ['ALB-Z1'], ['ALB-E1', 'ALB-E2']];
    const added = await handle.db
      .insert(variants)
      .values(
        skusOf.flatMap((list, i) =>
          list.map((sku) => ({ productId: made[i].id, sku, title: sku, priceCents: 100, costCents: 50 })),
        ),
      )
      .returning({ id: variants.id, sku: variants.sku });
    // Every SKU has a stock row at Paris but ALB-E2 (Lyon only): the page shows what the store holds.
    await handle.db
      .insert(inventoryLevels)
      .values(added.map((v) => ({ variantId: v.id, locationId: v.sku === 'ALB-E2' ? w.lyon : w.paris })));
    const all = async (q: string, dir: 'asc' | 'desc') => {
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const list = await listInventory(
          handle.db,
          ZInventoryListQuery.parse({ q, sort: 'name', dir, page }),
          [w.paris],
          {
            pageSize: 2,
          },
        );
        seen.push(...list.rows.map((r) => r.sku));
        if (!list.hasNext) return seen;
      }
    };
    const asc = ['ALB-Z1', 'ALB-A1', 'ALB-B1', 'ALB-C1', 'ALB-D1', 'ALB-E1'];
    expect(await all('albane', 'asc')).toEqual(asc);
    expect(await all('ALBANNE', 'asc')).toEqual(asc);
    expect(await all('albane', 'desc')).toEqual(['ALB-E1', 'ALB-A1', 'ALB-B1', 'ALB-C1', 'ALB-D1', 'ALB-Z1']);
    // By code, the same order among the SKUs found.
    expect(await all('alb-', 'asc')).toEqual(asc);
  });
});
