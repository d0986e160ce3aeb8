import { describe, expect, it } from 'vitest';
import { can, canAtEvery, navFor, PERMISSIONS, scopeOf, type Actor } from './permissions';

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

  it('lets an agent cancel and take returns, never ship or restock', () => {
    expect(can(agent, 'orders.cancel', lyon)).toBe(true);
    expect(can(agent, 'orders.return', lyon)).toBe(true);
    expect(can(agent, 'orders.ship', lyon)).toBe(false);
    expect(can(agent, 'orders.restock', lyon)).toBe(false);
    expect(can(agent, 'inventory.cost.view')).toBe(false);
    expect(can(agent, 'inventory.counts.view')).toBe(false);
  });

  it('keeps cost values, counts and transfer details of other stores from a manager, not their stock levels', () => {
    expect(can(manager, 'inventory.view')).toBe(true);
    expect(scopeOf(manager, 'inventory.view')).toBeNull();
    for (const p of ['inventory.cost.view', 'inventory.counts.view', 'inventory.transfers.view'] as const) {
      expect(can(manager, p, paris)).toBe(true);
      expect(can(manager, p, lyon)).toBe(false);
    }
  });

  it('needs the right at every location for an action that moves stock at several', () => {
    expect(canAtEvery(manager, 'orders.ship', [paris])).toBe(true);
    expect(canAtEvery(manager, 'orders.ship', [paris, lyon])).toBe(false);
    expect(canAtEvery({ ...manager, locationIds: [paris, lyon] }, 'orders.ship', [paris, lyon])).toBe(true);
    // Places unknown: scope cannot be shown, so a scoped role is refused; an unscoped one is not.
    expect(canAtEvery(manager, 'orders.cancel', [])).toBe(false);
    expect(canAtEvery(agent, 'orders.cancel', [])).toBe(true);
    expect(canAtEvery(agent, 'orders.ship', [paris])).toBe(false);
    expect(canAtEvery(owner, 'orders.restock', [paris, lyon])).toBe(true);
  });

  it('has no catch-all order right left', () => {
    expect(Object.keys(PERMISSIONS)).not.toContain('orders.manage');
  });

  it('refuses a missing actor and a manager without locations', () => {
    expect(can(null, 'dashboard.view')).toBe(false);
    expect(can({ ...manager, locationIds: [] }, 'pickups.view')).toBe(false);
  });

  it('shows each role only the sections it may use', () => {
    expect(navFor(owner).map((i) => i.key)).toEqual([
      'dashboard',
      'inventory',
      'orders',
      'pickups',
      'customers',
      'kpis',
      'settings',
    ]);
    expect(navFor(manager).map((i) => i.key)).toEqual(['dashboard', 'inventory', 'orders', 'pickups', 'customers']);
    expect(navFor(agent).map((i) => i.key)).toEqual(['dashboard', 'inventory', 'orders', 'customers']);
  });
});
