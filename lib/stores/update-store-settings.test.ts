import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, locations } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { Forbidden } from '@/lib/errors';
import { toActionFailure } from '@/lib/http/result';
import { pickupOptions } from '@/lib/pickups/pickup-options';
import { promisedReadyAt } from '@/lib/pickups/promise';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { getStoreSettingsForActor, listStoreSettingsForActor } from './queries';
import { fromOpeningHours, type UpdateStoreSettingsInput } from './schemas';
import { updateStoreSettings } from './update-store-settings';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 5 });
});
afterAll(() => handle.close());

const closed = { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] };
/** Monday–Friday 10:00–13:00 and 14:00–19:00, Saturday 10:00–18:00, Sunday closed. */
function input(patch: Partial<UpdateStoreSettingsInput> = {}): UpdateStoreSettingsInput {
  const weekday = [
    { opens: '14:00', closes: '19:00' },
    { opens: '10:00', closes: '13:00' },
  ];
  return {
    locationId: w.paris,
    openingHours: {
      ...closed,
      '1': weekday,
      '2': weekday,
      '3': weekday,
      '4': weekday,
      '5': weekday,
      '6': [{ opens: '10:00', closes: '18:00' }],
    },
    preparationMinutes: 90,
    holdDays: 5,
    pickupEnabled: true,
    pickupPaused: true,
    ...patch,
  };
}

async function audits() {
  return handle.db
    .select({ action: auditLog.action, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'location'), eq(auditLog.entityId, w.paris)));
}

async function paris() {
  const [row] = await handle.db.select().from(locations).where(eq(locations.id, w.paris));
  return row;
}

describe('updateStoreSettings', () => {
  it('lets an owner set a store’s hours, preparation, hold and pause, with an audit row of what changed', async () => {
    const saved = await updateStoreSettings(handle.db, w.owner, input());
    expect(saved).toMatchObject({ code: 'PAR', preparationMinutes: 90, holdDays: 5, pickupPaused: true });
    const row = await paris();
    // Stored as the column keeps them: closed days left out, each day's intervals in order.
    expect(row.openingHours).toEqual({
      '1': [
        ['10:00', '13:00'],
        ['14:00', '19:00'],
      ],
      '2': [
        ['10:00', '13:00'],
        ['14:00', '19:00'],
      ],
      '3': [
        ['10:00', '13:00'],
        ['14:00', '19:00'],
      ],
      '4': [
        ['10:00', '13:00'],
        ['14:00', '19:00'],
      ],
      '5': [
        ['10:00', '13:00'],
        ['14:00', '19:00'],
      ],
      '6': [['10:00', '18:00']],
    });
    expect(fromOpeningHours(row.openingHours)['7']).toEqual([]);
    expect(row).toMatchObject({ preparationMinutes: 90, holdDays: 5, pickupEnabled: true, pickupPaused: true });

    const [entry] = await audits();
    expect(entry.action).toBe('location.settings');
    expect(entry.data).toMatchObject({
      before: { preparationMinutes: 120, holdDays: 7, pickupPaused: false, openingHours: {} },
      after: { preparationMinutes: 90, holdDays: 5, pickupPaused: true },
    });
    expect(Object.keys(entry.data.before as object)).not.toContain('pickupEnabled');

    // Saving the same settings again changes nothing and writes no second row.
    await updateStoreSettings(handle.db, w.owner, input());
    expect(await audits()).toHaveLength(1);
  });

  it('is what availability and the promise then read', async () => {
    // Paused: Paris is no longer offered; Lyon still is.
    const offered = await pickupOptions(handle.db, { sku: 'PULL-M', quantity: 1, allowShipToStore: false });
    expect(offered.map((o) => o.location)).toEqual(['LYS']);
    // Placed Monday 7 December 2026 at 12:30 Paris time: 30 minutes before the lunch break, the
    // other hour after it, so ready at 15:00 (14:00 UTC).
    expect(promisedReadyAt(new Date('2026-12-07T11:30:00Z'), await paris()).toISOString()).toBe(
      '2026-12-07T14:00:00.000Z',
    );

    await updateStoreSettings(handle.db, w.owner, input({ pickupPaused: false }));
    const again = await pickupOptions(handle.db, { sku: 'PULL-M', quantity: 1, allowShipToStore: false });
    expect(again.map((o) => o.location)).toEqual(['LYS', 'PAR']);
  });

  it('refuses a manager, even of the store, and an agent', async () => {
    await expect(updateStoreSettings(handle.db, w.manager, input({ holdDays: 9 }))).rejects.toBeInstanceOf(Forbidden);
    await expect(updateStoreSettings(handle.db, w.agent, input({ holdDays: 9 }))).rejects.toBeInstanceOf(Forbidden);
    expect((await paris()).holdDays).toBe(5);
  });

  it('refuses bad hours and figures with an error on each field, and changes nothing', async () => {
    const bad = input({
      openingHours: {
        ...closed,
        '1': [{ opens: '19:00', closes: '10:00' }], // closes before it opens
        '2': [{ opens: '9h', closes: '18:00' }], // not HH:MM
        '3': [
          { opens: '10:00', closes: '14:00' },
          { opens: '13:00', closes: '18:00' }, // overlaps the first
        ],
        '4': [{ opens: '10:00', closes: '25:00' }],
      },
      preparationMinutes: -5,
      holdDays: 0,
    });
    const failure = await updateStoreSettings(handle.db, w.owner, bad).then(
      () => null,
      (error: unknown) => toActionFailure(error),
    );
    expect(failure).toMatchObject({
      code: 'validation_failed',
      fieldErrors: {
        'openingHours.1.0.closes': ['close_before_open'],
        'openingHours.2.0.opens': ['time_invalid'],
        'openingHours.3.1.opens': ['overlap'],
        'openingHours.4.0.closes': ['time_invalid'],
        preparationMinutes: ['preparation_range'],
        holdDays: ['hold_days_range'],
      },
    });
    expect((await paris()).holdDays).toBe(5);
  });

  it('refuses a warehouse, which has no click-and-collect', async () => {
    await expect(updateStoreSettings(handle.db, w.owner, input({ locationId: w.warehouse }))).rejects.toMatchObject({
      code: 'unprocessable',
    });
  });

  it('lists every store with its settings for an owner only', async () => {
    const stores = await listStoreSettingsForActor(handle.db, w.owner);
    expect(stores.map((s) => [s.code, s.pickupPaused, s.holdDays])).toEqual([
      ['LYS', false, 7],
      ['PAR', false, 5],
    ]);
    await expect(listStoreSettingsForActor(handle.db, w.manager)).rejects.toBeInstanceOf(Forbidden);
    expect(await getStoreSettingsForActor(handle.db, w.owner, w.paris)).toMatchObject({ code: 'PAR', holdDays: 5 });
    for (const id of [w.warehouse, 'not-a-uuid']) {
      await expect(getStoreSettingsForActor(handle.db, w.owner, id)).rejects.toMatchObject({ code: 'not_found' });
    }
    await expect(getStoreSettingsForActor(handle.db, w.manager, w.paris)).rejects.toBeInstanceOf(Forbidden);
  });
});
