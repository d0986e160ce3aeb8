import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { findDrift } from './invariants';
import { changeStock } from './ledger';
import { reconcileInventory } from './reconcile';

// Runs only against PostgreSQL (*.pg.test.ts, see vitest.config.ts): PGlite serialises every statement.
describe('repairing drift while orders run, on PostgreSQL', () => {
  let handle: DbHandle;
  let w: InventoryWorld;
  beforeAll(async () => {
    handle = await createTestDatabase();
    w = await makeInventoryWorld(handle.db);
  });
  afterAll(() => handle.close());

  /** Resolves once some statement of this database waits for a row lock. */
  async function someoneWaitsForALock(): Promise<void> {
    for (let i = 0; i < 500; i++) {
      const { rows } = await handle.db.execute<{ n: number }>(sql`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and state = 'active' and wait_event_type = 'Lock'`);
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('nobody waited for the lock');
  }

  it('keeps a sale committed between the drift report and its repair', async () => {
    const variantId = w.skus[0].id;
    const locationId = w.paris;
    // The row drifted from its ledger (10 on hand, nothing reserved) behind the ledger's back.
    await handle.db.execute(
      sql`update inventory_levels set on_hand = 13, reserved = 2 where variant_id = ${variantId} and location_id = ${locationId}`,
    );

    // A sale holds the row's lock, not yet committed, while the fix reads the drift and reaches the row.
    let locked!: () => void;
    let commit!: () => void;
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (commit = resolve));
    const sale = handle.db.transaction(async (tx) => {
      await changeStock(tx, { variantId, locationId, deltaOnHand: -1, reason: 'sale' });
      locked();
      await released;
    });
    await hasLock;
    const fix = reconcileInventory(handle.db, { fix: true });
    await someoneWaitsForALock();
    commit();
    await sale;
    const report = await fix;

    // What the report read was 13 on hand against a ledger of 10; the repair, made after the sale, keeps it.
    expect(report.drift).toEqual([
      expect.objectContaining({ variantId, locationId, onHand: 13, ledgerOnHand: 10, reserved: 2, activeReserved: 0 }),
    ]);
    expect(report.repaired).toBe(1);
    expect(await level(handle.db, variantId, locationId)).toEqual({ onHand: 9, reserved: 0 });
    expect(await findDrift(handle.db)).toEqual([]);
    const { rows } = await handle.db.execute<{ action: string; data: Record<string, unknown> }>(
      sql`select action, data from audit_log where entity_id = ${`${variantId}:${locationId}`}`,
    );
    expect(rows).toEqual([
      { action: 'inventory.reconcile', data: expect.objectContaining({ onHand: [12, 9], reserved: [2, 0] }) },
    ]);
  });
});
