import { describe, expect, it } from 'vitest';
import { can, navFor, scopeOf, type Actor } from './permissions';

const paris = 'loc-paris';
const lyon = 'loc-lyon';
const owner: Actor = { userId: 'o', role: 'owner', locationIds: [] };
const manager: Actor = { userId: 'm', role: 'manager', locationIds: [paris] };
const agent: Actor = { userId: 'a', role: 'agent', locationIds: [] };

describe('can', () => {
  it('lets owners do everything everywhere', () => {
    expect(can(owner, 'inventory.adjust', lyon)).toBe(true);
    expect(can(owner, 'settings.manage')).toBe(true);
  });

  it('limits managers to their own locations', () => {
    expect(can(manager, 'inventory.adjust', paris)).toBe(true);
    expect(can(manager, 'inventory.adjust', lyon)).toBe(false);
    expect(can(manager, 'pickups.manage', lyon)).toBe(false);
    expect(scopeOf(manager, 'orders.view')).toEqual([paris]);
  });

  it('keeps agents read-only on inventory', () => {
    expect(can(agent, 'inventory.view')).toBe(true);
    expect(can(agent, 'inventory.adjust', paris)).toBe(false);
    expect(can(agent, 'customers.merge')).toBe(true);
    expect(scopeOf(agent, 'orders.view')).toBeNull();
  });

  it('refuses a missing actor and a manager without locations', () => {
    expect(can(null, 'dashboard.view')).toBe(false);
    expect(can({ ...manager, locationIds: [] }, 'pickups.view')).toBe(false);
  });

  it('shows each role only the sections it may use', () => {
    expect(navFor(owner).map((i) => i.key)).toEqual(['dashboard', 'inventory', 'orders', 'pickups', 'customers', 'kpis', 'settings']);
    expect(navFor(manager).map((i) => i.key)).toEqual(['dashboard', 'inventory', 'orders', 'pickups']);
    expect(navFor(agent).map((i) => i.key)).toEqual(['dashboard', 'inventory', 'orders', 'customers']);
  });
});
