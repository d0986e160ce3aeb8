import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT, parseArgs } from './args';
import { formatTable, measure, percentile, ratio, singleRun, summarize, toEntry } from './harness';

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5.5);
    expect(percentile(values, 95)).toBeCloseTo(9.55);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
  });

  it('does not depend on input order and handles one sample', () => {
    expect(percentile([10, 1, 5], 50)).toBe(5);
    expect(percentile([42], 95)).toBe(42);
  });

  it('refuses an empty sample or a percentile out of range', () => {
    expect(() => percentile([], 50)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });
});

describe('summarize', () => {
  it('gives p50, p95 and sequential throughput', () => {
    const m = summarize([10, 10, 10, 10, 20]);
    expect(m.p50_ms).toBe(10);
    expect(m.p95_ms).toBe(18);
    expect(m.ops_per_s).toBeCloseTo(5000 / 60, 2);
  });
});

describe('ratio', () => {
  const fast = { p50_ms: 2, p95_ms: 4, ops_per_s: 500 };
  const slow = { p50_ms: 10, p95_ms: 30, ops_per_s: 100 };

  it('is above 1 when ours is better, by time or by throughput', () => {
    expect(ratio(fast, slow)).toBe(5);
    expect(ratio(fast, slow, 'throughput')).toBe(5);
    expect(ratio(slow, fast)).toBe(0.2);
  });

  it('agrees for single runs whichever figure is compared', () => {
    const ours = singleRun(60_000, 1_000_000);
    const naive = singleRun(600_000, 1_000_000);
    expect(ratio(ours, naive, 'time')).toBe(10);
    expect(ratio(ours, naive, 'throughput')).toBe(10);
  });

  it('lands in the report entry with the ok flag', () => {
    expect(toEntry({ ours: fast, baseline: slow, ok: true })).toEqual({ ...fast, baseline: slow, ratio: 5, ok: true });
  });
});

describe('measure', () => {
  it('runs the warm-up untimed, then the timed iterations in order', async () => {
    const seen: number[] = [];
    const m = await measure(async (i) => void seen.push(i), { warmup: 2, iterations: 3 });
    expect(seen).toEqual([0, 1, 0, 1, 2]);
    expect(m.p50_ms).toBeGreaterThanOrEqual(0);
  });
});

describe('formatTable', () => {
  it('prints one row per scenario with its goal', () => {
    const table = formatTable(
      { 'a.b': toEntry({ ours: singleRun(1), baseline: singleRun(3), ok: false }) },
      { 'a.b': 'p95 < 1 ms' },
    );
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('3.00×');
    expect(table).toMatch(/p95 < 1 ms\s+NO/);
  });
});

describe('parseArgs', () => {
  const known = ['seed.large', 'orders.list_recent', 'customers.search'];

  it('defaults to every scenario and latest.json', () => {
    expect(parseArgs([], known)).toEqual({
      scenarios: [],
      out: DEFAULT_OUT,
      reseed: false,
      scale: 1,
      seedScale: 1,
      verbose: false,
      list: false,
      help: false,
    });
  });

  it('takes scenario names in registry order, and options in both spellings', () => {
    const args = parseArgs(
      ['orders.list_recent', '--out', 'x.json', 'seed.large', '--scale=0.5', '--reseed', '-v'],
      known,
    );
    expect(args.scenarios).toEqual(['seed.large', 'orders.list_recent']);
    expect(args.out).toBe('x.json');
    expect(args.scale).toBe(0.5);
    expect(args.reseed).toBe(true);
    expect(args.verbose).toBe(true);
    expect(parseArgs(['--seed-scale', '0.05'], known).seedScale).toBe(0.05);
  });

  it('rejects unknown scenarios and options, and missing or bad values', () => {
    expect(() => parseArgs(['orders.list'], known)).toThrow(/unknown scenario/);
    expect(() => parseArgs(['--fast'], known)).toThrow(/unknown option/);
    expect(() => parseArgs(['--out'], known)).toThrow(/needs a value/);
    expect(() => parseArgs(['--out', '--reseed'], known)).toThrow(/needs a value/);
    expect(() => parseArgs(['--scale', '0'], known)).toThrow(/positive/);
    expect(() => parseArgs(['--seed-scale', '2'], known)).toThrow(/seed-scale/);
  });
});
