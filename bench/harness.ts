import type { DbHandle } from '../db/client';

/** Latency and throughput of one side of a scenario (ours or the baseline). */
export type Measurement = {
  p50_ms: number;
  p95_ms: number;
  ops_per_s: number;
};

export type ScenarioResult = {
  ours: Measurement;
  baseline: Measurement;
  /** Did `ours` meet the scenario's goal? */
  ok: boolean;
  /** Which figure `ratio` compares: latency (p50) or throughput (ops/s). */
  compare?: 'time' | 'throughput';
  /** One line of context printed under the table (row counts, depth, plan…). */
  note?: string;
};

export type BenchOptions = {
  /** Re-measure what is normally recorded once (the large seed). */
  reseed: boolean;
  /** Multiplies the default iteration counts (0.1 for a smoke run). */
  scale: number;
  verbose: boolean;
};

export type BenchContext = {
  handle: DbHandle;
  /** The connection string of the bench database (for scenarios that need their own pool). */
  databaseUrl: string;
  options: BenchOptions;
  /** Where results and records (seed timing) are written. */
  resultsDir: string;
  log: (message: string) => void;
};

export type Scenario = {
  name: string;
  /** The goal in words, printed with the result: "p95 < 100 ms". */
  goal: string;
  run: (ctx: BenchContext) => Promise<ScenarioResult>;
};

export type ReportEntry = Measurement & {
  baseline: Measurement;
  ratio: number;
  ok: boolean;
};

export type Report = Record<string, ReportEntry>;

/**
 * The p-th percentile (0–100) of `values`, linearly interpolated between closest ranks
 * (the definition of numpy's default and of PostgreSQL's percentile_cont).
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty sample');
  if (p < 0 || p > 100) throw new Error(`percentile out of range: ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** Summarises sequential samples: ops/s is the count over the total time spent in them. */
export function summarize(samplesMs: readonly number[]): Measurement {
  const total = samplesMs.reduce((sum, ms) => sum + ms, 0);
  return {
    p50_ms: round(percentile(samplesMs, 50)),
    p95_ms: round(percentile(samplesMs, 95)),
    ops_per_s: total > 0 ? round((samplesMs.length * 1000) / total) : Number.POSITIVE_INFINITY,
  };
}

/**
 * How much better ours is than the baseline; above 1 is better. For latency it is the
 * baseline's p50 over ours, for throughput our ops/s over the baseline's.
 */
export function ratio(ours: Measurement, baseline: Measurement, compare: 'time' | 'throughput' = 'time'): number {
  const value = compare === 'time' ? baseline.p50_ms / ours.p50_ms : ours.ops_per_s / baseline.ops_per_s;
  return Number.isFinite(value) ? round(value) : 0;
}

export type MeasureOptions = {
  warmup: number;
  iterations: number;
};

/**
 * Runs `op` `warmup` times untimed, then `iterations` times timed, one after the other.
 * `op` receives the iteration index so a scenario can rotate through its inputs.
 */
export async function measure(
  op: (i: number) => Promise<unknown>,
  { warmup, iterations }: MeasureOptions,
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await op(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await op(i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/** A single timed run (seeds, migrations): p50 = p95 = the duration. */
export function singleRun(ms: number, opsPerRun = 1): Measurement {
  return { p50_ms: round(ms), p95_ms: round(ms), ops_per_s: ms > 0 ? round((opsPerRun * 1000) / ms) : 0 };
}

export function toEntry(result: ScenarioResult): ReportEntry {
  return {
    ...result.ours,
    baseline: result.baseline,
    ratio: ratio(result.ours, result.baseline, result.compare),
    ok: result.ok,
  };
}

/** Iteration count scaled by --scale, never below `min`. */
export function iterations(base: number, scale: number, min = 5): number {
  return Math.max(min, Math.round(base * scale));
}

export function formatTable(report: Report, goals: Record<string, string>): string {
  const header = ['scenario', 'p50 ms', 'p95 ms', 'ops/s', 'base p50', 'base p95', 'base ops/s', 'ratio', 'goal', 'ok'];
  const rows = Object.entries(report).map(([name, e]) => [
    name,
    fmt(e.p50_ms),
    fmt(e.p95_ms),
    fmt(e.ops_per_s),
    fmt(e.baseline.p50_ms),
    fmt(e.baseline.p95_ms),
    fmt(e.baseline.ops_per_s),
    `${fmt(e.ratio)}×`,
    goals[name] ?? '',
    e.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i >= 8 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '∞';
  if (n >= 1000) return Math.round(n).toLocaleString('en-US');
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
