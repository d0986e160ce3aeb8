import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { transfers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/auth/permissions';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { signIn } from '@/lib/testing/session';

// The session is Auth.js's cookie, which a test has not got: the signed-in staff member is set here.
vi.mock('@/lib/next/session', () => import('@/lib/testing/session'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { requestTransferAction, acceptTransferRequestAction, declineTransferRequestAction } =
  await import('@/lib/next/actions/inventory');

let handle: DbHandle;
let w: InventoryWorld;
let lyonManager: Actor;
let logistics: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  w = await makeInventoryWorld(handle.db);
  lyonManager = { ...w.manager, locationIds: [w.lyon] };
  logistics = { ...w.manager, locationIds: [w.warehouse] };
});
afterAll(() => handle?.close());

const statusOf = async (id: string) =>
  (await handle.db.select({ s: transfers.status }).from(transfers).where(eq(transfers.id, id)))[0].s;

describe('transfer request actions', () => {
  it('a manager cannot request stock for a store that is not theirs, whatever the form says', async () => {
    signIn(w.manager);
    const result = await requestTransferAction({
      sourceLocationId: w.warehouse,
      destinationLocationId: w.lyon,
      neededBy: '2026-12-12',
      lines: [{ variantId: w.skus[0].id, quantity: 1 }],
    });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await handle.db.select().from(transfers)).toEqual([]);
  });

  it('only the location asked answers: Lyon’s manager and the requester are refused, the warehouse’s is not', async () => {
    signIn(w.manager);
    const asked = await requestTransferAction({
      sourceLocationId: w.warehouse,
      destinationLocationId: w.paris,
      neededBy: '2026-12-12',
      lines: [{ variantId: w.skus[0].id, quantity: 2 }],
    });
    expect(asked.ok).toBe(true);
    const transferId = asked.ok ? asked.data.id : '';
    const accept = { transferId, expectedOn: '2026-12-11', lines: [{ variantId: w.skus[0].id, quantity: 2 }] };
    for (const who of [lyonManager, w.manager, w.agent]) {
      signIn(who);
      expect(await acceptTransferRequestAction(accept)).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await declineTransferRequestAction({ transferId, reason: 'no' })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(await statusOf(transferId)).toBe('requested');
    signIn(logistics);
    expect(await acceptTransferRequestAction(accept)).toEqual({ ok: true, data: { units: 2, reduced: false } });
    expect(await statusOf(transferId)).toBe('accepted');
  });

  it('a decline needs its reason, said as a field error', async () => {
    signIn(w.manager);
    const asked = await requestTransferAction({
      sourceLocationId: w.warehouse,
      destinationLocationId: w.paris,
      neededBy: '2026-12-12',
      lines: [{ variantId: w.skus[1].id, quantity: 1 }],
    });
    const transferId = asked.ok ? asked.data.id : '';
    signIn(w.owner);
    const refused = await declineTransferRequestAction({ transferId, reason: '  ' });
    expect(refused).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fieldErrors: { reason: [expect.any(String)] },
    });
    expect(await statusOf(transferId)).toBe('requested');
  });
});
