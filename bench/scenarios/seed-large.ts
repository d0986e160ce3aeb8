import { migrateDatabase, openPostgres } from '../../db/client';
import { channels, customers, locations, orderLines, orders, products, variants } from '../../db/schema';
import { assertDisposable, databaseKey, databaseName, dropDatabase, ensureDatabase, withDatabase } from '../database';
import { iterations, percentile, singleRun, type Scenario } from '../harness';
import { readSeedRecord } from '../seed-record';

const GOAL_MINUTES = 20;
const GOAL_RATIO = 5;

/**
 * How long the large data set takes to generate and load (`npm run db:seed -- --scale large`,
 * also what a new bench machine pays once). The duration is the one recorded when the bench
 * database was seeded (bench/results/seed-timing.json); `--reseed` re-creates the database and
 * measures it again.
 *
 * Baseline: what the same volume costs when loaded the naive way, one INSERT per row through
 * the ORM, each its own transaction (autocommit). Timing the full naive load would take hours,
 * so it is extrapolated from a sample: a few thousand orders with two lines each, inserted row
 * by row into a fresh, migrated scratch database (all constraints and indexes in place), gives
 * a rate in rows/s (median of ten batches); the baseline time is the seed's total row count at
 * that rate. The sample
 * goes into nearly empty tables whose indexes fit in cache, so if anything it flatters the
 * baseline and understates our ratio.
 */
export const seedLarge: Scenario = {
  name: 'seed.large',
  goal: `< ${GOAL_MINUTES} min and ≥ ${GOAL_RATIO}× row-by-row`,
  async run(ctx) {
    const record = readSeedRecord(ctx.resultsDir, databaseKey(ctx.databaseUrl));
    if (!record || record.total_rows <= 0) {
      throw new Error(
        'the large seed of this database was not timed by the bench (seeded elsewhere, or its record was lost): ' +
          'run `npm run bench -- seed.large --reseed` to re-create and time it',
      );
    }
    const sampleOrders = iterations(3000, ctx.options.scale, 200);
    const naive = await naiveRowByRowRate(ctx.databaseUrl, sampleOrders);
    ctx.log(
      `  row-by-row sample: ${naive.rows} rows in ${(naive.ms / 1000).toFixed(1)} s (median batch ${Math.round(naive.rowsPerS)} rows/s)`,
    );

    const ours = singleRun(record.seed_ms, record.total_rows);
    const baseline = singleRun((record.total_rows / naive.rowsPerS) * 1000, record.total_rows);
    return {
      ours,
      baseline,
      ok: record.seed_ms < GOAL_MINUTES * 60_000 && baseline.p50_ms / ours.p50_ms >= GOAL_RATIO,
      note:
        `${record.total_rows.toLocaleString('en-US')} rows seeded ${record.seeded_at} in ${(record.seed_ms / 60_000).toFixed(1)} min ` +
        `(+ ${(record.analyze_ms / 1000).toFixed(0)} s VACUUM ANALYZE); baseline extrapolated from ${naive.rows.toLocaleString('en-US')} row-by-row inserts`,
    };
  },
};

/** Rows per second of one-INSERT-per-row autocommit loading, measured in a scratch database. */
async function naiveRowByRowRate(
  benchUrl: string,
  sampleOrders: number,
): Promise<{ rows: number; ms: number; rowsPerS: number }> {
  const scratchUrl = withDatabase(benchUrl, `${databaseName(benchUrl)}_naive`);
  assertDisposable(scratchUrl);
  await dropDatabase(scratchUrl);
  await ensureDatabase(scratchUrl);
  const handle = openPostgres(scratchUrl, 1);
  try {
    await migrateDatabase(handle);
    const { db } = handle;
    const [channel] = await db
      .insert(channels)
      .values({ code: 'naive-web', name: 'Naive web', kind: 'web' })
      .returning({ id: channels.id });
    await db.insert(locations).values({ code: 'naive-store', name: 'Naive store', kind: 'store', city: 'Paris' });
    const [product] = await db
      .insert(products)
      .values({ name: 'Naive tee', brand: 'Naive', category: 'Tops' })
      .returning({ id: products.id });
    const variantRows = await db
      .insert(variants)
      .values(
        ['S', 'M', 'L'].map((size) => ({
          productId: product.id,
          sku: `NAIVE-${size}`,
          title: size,
          priceCents: 1990,
          costCents: 800,
        })),
      )
      .returning({ id: variants.id, sku: variants.sku });
    const [customer] = await db
      .insert(customers)
      .values({ firstName: 'Camille', lastName: 'Martin', email: 'camille@example.test' })
      .returning({ id: customers.id });

    // Timed in batches and summarised by the median batch rate: one commit per row makes the
    // sample sensitive to whatever else the machine does (checkpoints, other processes).
    const batches = 10;
    const perBatch = Math.ceil(sampleOrders / batches);
    const rates: number[] = [];
    let rows = 0;
    let batchRows = 0;
    const start = performance.now();
    let batchStart = start;
    for (let i = 0; i < perBatch * batches; i++) {
      const [order] = await db
        .insert(orders)
        .values({
          number: `NAIVE-${i}`,
          channelId: channel.id,
          externalId: `naive-${i}`,
          customerId: customer.id,
          fulfilmentType: 'ship',
          shippingAddress: { line1: '1 rue de Rivoli', postalCode: '75001', city: 'Paris', country: 'FR' },
          subtotalCents: 3980,
          shippingCents: 490,
          taxCents: 663,
          totalCents: 4470,
          itemCount: 2,
          placedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        })
        .returning({ id: orders.id });
      rows++;
      for (let line = 0; line < 2; line++) {
        const variant = variantRows[(i + line) % variantRows.length];
        await db.insert(orderLines).values({
          orderId: order.id,
          lineNo: line + 1,
          variantId: variant.id,
          sku: variant.sku,
          quantity: 1,
          unitPriceCents: 1990,
        });
        rows++;
        batchRows++;
      }
      if ((i + 1) % perBatch === 0) {
        const now = performance.now();
        rates.push((batchRows * 1000) / (now - batchStart));
        batchRows = 0;
        batchStart = now;
      }
    }
    const ms = performance.now() - start;
    return { rows, ms, rowsPerS: percentile(rates, 50) };
  } finally {
    await handle.close();
    await dropDatabase(scratchUrl);
  }
}
