import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args';
import { SCENARIOS } from './index';

describe('the scenario registry', () => {
  const names = SCENARIOS.map((s) => s.name);

  it('names every scenario once, each with its goal in words', () => {
    expect(new Set(names).size).toBe(names.length);
    for (const s of SCENARIOS) expect(s.goal.trim(), s.name).not.toBe('');
  });

  it('runs the pickup scenarios of issue 11 in the order they are reported, whatever the command line says', () => {
    const pickups = ['pickups.queue', 'pickups.lookup', 'pickups.expiry', 'pickups.live', 'pickups.notify'];
    expect(names.filter((n) => n.startsWith('pickups.'))).toEqual(pickups);
    expect(parseArgs([...pickups].reverse(), names).scenarios).toEqual(pickups);
  });

  it('runs the customer scenarios of issue 12 last, in the order they are reported', () => {
    const customers = ['customers.search', 'customers.profile', 'customers.merge', 'customers.duplicates'];
    expect(names.filter((n) => n.startsWith('customers.'))).toEqual(customers);
    expect(names.slice(-customers.length)).toEqual(customers);
    expect(parseArgs([...customers].reverse(), names).scenarios).toEqual(customers);
  });
});
