import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { listInventory } from '../../lib/inventory/queries/list';
import { findVariantByCode } from '../../lib/inventory/queries/codes';
import { ZInventoryListQuery } from '../../lib/inventory/schemas';
import { iterations, measure, type Scenario } from '../harness';

/** The same read with the planner denied every index: what the question costs as a plain scan. */
async function withoutIndexes<T>(db: Db, read: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_indexscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    await tx.execute(sql`set local enable_indexonlyscan = off`);
    return read(tx);
  });
}

async function sampleTerms(db: Db, n: number) {
  // Search terms a store manager types: a product word (some misspelt), a SKU prefix, a barcode prefix.
  const { rows } = await db.execute<{ word: string; sku: string; barcode: string }>(sql`
    select split_part(p.name, ' ', 2) as word, v.sku, v.barcode
    from variants v join products p on p.id = v.product_id
    where v.barcode is not null
    order by md5(v.id::text) limit ${n}`);
  return rows.flatMap((r, i) => [
    i % 3 === 0 ? r.word.slice(0, -1) + 'x' : r.word,
    r.sku.slice(0, 7),
    r.barcode.slice(0, 10),
  ]);
}

/**
 * inventory.list — the /inventory page for one location with a search term (product name by
 * trigram, SKU or barcode prefix), first page of 50. Baseline: the same query with index scans
 * switched off, i.e. the question answered by scanning.
 */
export const inventoryList: Scenario = {
  name: 'inventory.list',
  goal: 'p95 < 50 ms',
  async run(ctx) {
    const db = ctx.handle.db;
    const { rows: locs } = await db.execute<{ id: string }>(
      sql`select id from locations where kind = 'store' order by code limit 5`,
    );
    const terms = await sampleTerms(db, 20);
    const query = (i: number) => ZInventoryListQuery.parse({ q: terms[i % terms.length] });
    const loc = (i: number) => [locs[i % locs.length].id];
    let hits = 0;
    const n = iterations(150, ctx.options.scale, terms.length);
    const ours = await measure(
      async (i) => {
        hits += (await listInventory(db, query(i), loc(i))).rows.length;
      },
      { warmup: 10, iterations: n },
    );
    const baseline = await measure((i) => withoutIndexes(db, (tx) => listInventory(tx, query(i), loc(i))), {
      warmup: 2,
      iterations: iterations(20, ctx.options.scale, 5),
    });
    return {
      ours,
      baseline,
      ok: ours.p95_ms < 50,
      note: `${terms.length} terms over ${locs.length} stores; ${Math.round(hits / (n + 10))} rows a page on average`,
    };
  },
};

/** inventory.barcode — a scanned EAN-13 to its SKU. Baseline: the same lookup as a plain scan. */
export const inventoryBarcode: Scenario = {
  name: 'inventory.barcode',
  goal: 'p95 < 5 ms',
  async run(ctx) {
    const db = ctx.handle.db;
    const { rows } = await db.execute<{ barcode: string }>(
      sql`select barcode from variants where barcode is not null order by md5(id::text) limit 200`,
    );
    const codes = rows.map((r) => r.barcode);
    const ours = await measure(
      async (i) => {
        if (!(await findVariantByCode(db, codes[i % codes.length]))) throw new Error('barcode not found');
      },
      { warmup: 20, iterations: iterations(1000, ctx.options.scale, 50) },
    );
    const baseline = await measure((i) => withoutIndexes(db, (tx) => findVariantByCode(tx, codes[i % codes.length])), {
      warmup: 2,
      iterations: iterations(50, ctx.options.scale, 10),
    });
    return { ours, baseline, ok: ours.p95_ms < 5, note: `${codes.length} distinct barcodes` };
  },
};
