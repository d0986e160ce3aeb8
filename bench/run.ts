/**
 * The benchmark runner: `npm run bench -- [scenario…] [--out path] [--reseed] [--scale n]`.
 * Runs against PostgreSQL only (DATABASE_URL, or a local comptoir_bench database), migrates it,
 * seeds the large data set once, runs the scenarios and writes their results as JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openPostgres, type DbHandle } from '../db/client';
import { isLargeSeedPresent, seedLarge } from '@/lib/seed';
import { parseArgs, USAGE } from './args';
import {
  assertDisposable,
  databaseExists,
  databaseKey,
  DEFAULT_BENCH_URL,
  dropDatabase,
  ensureDatabase,
  lockBenchDatabase,
} from './database';
import { formatTable, toEntry, type BenchContext, type Report } from './harness';
import { SCENARIOS } from './scenarios';
import { countRows, writeSeedRecord } from './seed-record';

const RESULTS_DIR = path.join(process.cwd(), 'bench', 'results');

async function main(): Promise<number> {
  const names = SCENARIOS.map((s) => s.name);
  let args;
  try {
    args = parseArgs(process.argv.slice(2), names);
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.list) {
    for (const s of SCENARIOS) console.log(`${s.name.padEnd(24)} goal: ${s.goal}`);
    return 0;
  }

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    databaseUrl = DEFAULT_BENCH_URL;
    console.log(`DATABASE_URL is not set: using ${DEFAULT_BENCH_URL}`);
  }
  if (databaseUrl.startsWith('file:') || !/^postgres(ql)?:/.test(databaseUrl)) {
    console.error('bench: DATABASE_URL must name a PostgreSQL server (the bench does not run on the embedded engine)');
    return 2;
  }
  const key = databaseKey(databaseUrl);
  console.log(`Bench database: ${key}`);

  const busy = `bench: another bench run is using ${key}; wait for it, or point DATABASE_URL at another database`;
  if (args.reseed) {
    assertDisposable(databaseUrl);
    if (await databaseExists(databaseUrl)) {
      const probe = await lockBenchDatabase(databaseUrl);
      if (!probe) {
        console.error(busy);
        return 1;
      }
      await probe();
    }
    console.log('--reseed: dropping and re-creating the bench database');
    await dropDatabase(databaseUrl);
  }
  if (await ensureDatabase(databaseUrl)) console.log(`Created database ${key}`);
  const unlock = await lockBenchDatabase(databaseUrl);
  if (!unlock) {
    console.error(busy);
    return 1;
  }

  // Seeding and VACUUM ANALYZE of millions of rows outlast the servers' statement timeout.
  const handle = openPostgres(databaseUrl, { max: 4, statementTimeoutMs: 0 });
  const ctx: BenchContext = {
    handle,
    databaseUrl,
    options: { reseed: args.reseed, scale: args.scale, verbose: args.verbose },
    resultsDir: RESULTS_DIR,
    log: (message) => console.log(message),
  };
  try {
    await migrateDatabase(handle);
    await ensureLargeSeed(ctx, key, args.seedScale);

    const selected = args.scenarios.length ? SCENARIOS.filter((s) => args.scenarios.includes(s.name)) : SCENARIOS;
    const report: Report = {};
    const notes: string[] = [];
    let failures = 0;
    for (const scenario of selected) {
      console.log(`\n▶ ${scenario.name} (goal: ${scenario.goal})`);
      await vacuumDeadRows(handle);
      try {
        // Dirty pages left by the seed or the scenario before (millions of rows) would otherwise be
        // flushed by a checkpoint in the middle of this one's timing: both sides start clean.
        await handle.db.execute(sql`checkpoint`);
      } catch (error) {
        console.log(`  (no checkpoint: ${(error as Error).message})`);
      }
      const start = performance.now();
      try {
        const result = await scenario.run(ctx);
        report[scenario.name] = toEntry(result);
        if (result.note) notes.push(`${scenario.name}: ${result.note}`);
        console.log(`  done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      } catch (error) {
        failures++;
        console.error(`  FAILED: ${(error as Error).message}`);
        if (args.verbose) console.error(error);
      }
    }

    const goals = Object.fromEntries(SCENARIOS.map((s) => [s.name, s.goal]));
    console.log(`\n${formatTable(report, goals)}`);
    if (notes.length) console.log(`\n${notes.join('\n')}`);

    const out = path.resolve(args.out);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nResults written to ${path.relative(process.cwd(), out) || out}`);

    const missed = Object.values(report).filter((e) => !e.ok).length;
    if (missed) console.log(`${missed} scenario(s) missed their goal.`);
    return failures ? 1 : 0;
  } finally {
    await handle.close();
    await unlock();
  }
}

/** Seeds the large data set unless it is there, and records how long it took. */
async function ensureLargeSeed(ctx: BenchContext, key: string, scale: number): Promise<void> {
  const { handle } = ctx;
  if (await isLargeSeedPresent(handle, scale)) {
    console.log('Large data set present: reusing it.');
    return;
  }
  const { rows: skus } = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from variants`);
  if (skus[0].n > 0)
    throw new Error(
      `${key} holds a smaller data set (${skus[0].n.toLocaleString('en-US')} SKUs) than --seed-scale ${scale} makes: ` +
        'give the --seed-scale it was seeded with, or --reseed',
    );
  console.log(
    scale === 1
      ? 'Seeding the large data set (once per bench database; this takes a while)…'
      : `Seeding the large data set at scale ${scale} (a small database to develop scenarios on)…`,
  );
  const seededAt = new Date().toISOString();
  const start = performance.now();
  const seeded = await seedLarge(handle, { scale, log: (line) => console.log(`  ${line}`) });
  const seedMs = performance.now() - start;
  console.log(`Seeded in ${(seedMs / 60_000).toFixed(1)} min; VACUUM ANALYZE…`);
  const analyzeStart = performance.now();
  await vacuumAnalyze(handle);
  const analyzeMs = performance.now() - analyzeStart;
  // The seed's own counts of what it wrote, completed by a count of the tables it did not report.
  const rows = { ...(await countRows(handle)), ...seeded };
  const totalRows = Object.values(rows).reduce((sum, n) => sum + n, 0);
  writeSeedRecord(ctx.resultsDir, key, {
    seeded_at: seededAt,
    seed_ms: Math.round(seedMs),
    analyze_ms: Math.round(analyzeMs),
    rows,
    total_rows: totalRows,
    ...(scale === 1 ? {} : { scale }),
  });
  console.log(`${totalRows.toLocaleString('en-US')} rows; timing recorded in bench/results/seed-timing.json`);
}

// Fresh bulk-loaded tables have no statistics and an unset visibility map: plans and
// index-only scans would be those of a database nobody runs in production.
async function vacuumAnalyze(handle: DbHandle): Promise<void> {
  await handle.db.execute(sql`vacuum analyze`);
}

/**
 * VACUUM ANALYZE of the tables where an earlier scenario (or run) left many dead rows: the
 * scenarios delete what they add, and 100k deleted orders at the end of an index make the planner
 * walk them for every join's range estimate (PostgreSQL 15's get_actual_variable_range: 10–30 ms
 * of planning a statement, seen after pickups.expiry). A running install has autovacuum for that;
 * a bench run is quicker than its thresholds.
 */
async function vacuumDeadRows(handle: DbHandle): Promise<void> {
  const { rows } = await handle.db.execute<{ name: string }>(sql`
    select quote_ident(relname) as name from pg_stat_user_tables
    where n_dead_tup > greatest(10000, n_live_tup / 100)`);
  if (rows.length === 0) return;
  const start = performance.now();
  await handle.db.execute(sql.raw(`vacuum (analyze) ${rows.map((r) => r.name).join(', ')}`));
  console.log(
    `  vacuumed ${rows.map((r) => r.name).join(', ')} in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
