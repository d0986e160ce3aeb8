import { describe, expect, it } from 'vitest';
import { generateDemoRows } from '@/lib/seed/demo';

const NOW = Date.UTC(2026, 10, 23, 9, 30);

function snapshot(rows: ReturnType<typeof generateDemoRows>): string {
  return JSON.stringify(rows.inserts.map(([, r, label]) => [label, r]));
}

describe('generateDemoRows', () => {
  it('is deterministic: the same seed and instant give the same rows, ids included', () => {
    const a = generateDemoRows({ now: NOW, scale: 0.05, seed: 1, passwordHash: 'x' });
    const b = generateDemoRows({ now: NOW, scale: 0.05, seed: 1, passwordHash: 'x' });
    expect(snapshot(a)).toBe(snapshot(b));
    const other = generateDemoRows({ now: NOW, scale: 0.05, seed: 2, passwordHash: 'x' });
    expect(snapshot(other)).not.toBe(snapshot(a));
  });

  it('places every order in the twelve months before now', () => {
    const rows = generateDemoRows({ now: NOW, scale: 0.05, seed: 1, passwordHash: 'x' });
    const orders = rows.inserts.find(([, , label]) => label === 'orders')![1] as { placedAt: Date }[];
    expect(orders.length).toBe(rows.orderCount);
    for (const o of orders) {
      expect(o.placedAt.getTime()).toBeLessThan(NOW);
      expect(o.placedAt.getTime()).toBeGreaterThan(NOW - 366 * 86_400_000);
    }
  });
});
