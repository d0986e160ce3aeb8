import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { pickups } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/auth/permissions';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { addWebChannel, placePickupOrder, type Channel } from '@/lib/testing/orders';
import { signIn } from '@/lib/testing/session';
import { markReady } from './mark-ready';

// The session is Auth.js's cookie, which a test has not got: the signed-in staff member is set here.
vi.mock('@/lib/next/session', () => import('@/lib/testing/session'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { startPickingAction, extendHoldAction, rejectPickupAction } = await import('@/lib/next/actions/pickups');
vi.mock('@/lib/next/i18n', () => ({ getI18n: () => Promise.resolve({ locale: 'en' }) }));
const { GET } = await import('@/app/(backoffice)/pickups/queue/route');

let handle: DbHandle;
let w: InventoryWorld;
let web: Channel;
let lyonManager: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  w = await makeInventoryWorld(handle.db, { stock: 50 });
  web = await addWebChannel(handle.db);
  lyonManager = { ...w.manager, locationIds: [w.lyon] };
});
afterAll(() => handle?.close());

async function place(store = 'PAR') {
  return (await placePickupOrder(handle.db, web, { store })).pickupId;
}

const stateOf = async (id: string) =>
  (await handle.db.select({ state: pickups.state }).from(pickups).where(eq(pickups.id, id)))[0].state;

function queue(query: string) {
  return GET(new Request(`http://localhost/pickups/queue?${query}`));
}

describe('the queue’s store decisions (server actions)', () => {
  it('refuse the Lyon manager a Paris pickup, changing nothing', async () => {
    const id = await place();
    signIn(lyonManager);
    for (const result of [
      await startPickingAction({ pickupId: id }),
      await rejectPickupAction({ pickupId: id, reason: 'damaged' }),
    ]) {
      expect(result).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringMatching(/your stores/) });
    }
    expect(await stateOf(id)).toBe('placed');
  });

  it('refuse an agent, and bad input without a throw', async () => {
    const id = await place();
    signIn(w.agent);
    expect(await startPickingAction({ pickupId: id })).toMatchObject({ ok: false, code: 'forbidden' });
    signIn(w.manager);
    expect(await extendHoldAction({ pickupId: id, days: 0 })).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fieldErrors: { days: expect.any(Array) },
    });
    expect(await rejectPickupAction({ pickupId: id, reason: 'bored' as 'other' })).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
    expect(await stateOf(id)).toBe('placed');
  });

  it('let the Paris manager start, extend and reject at their store', async () => {
    signIn(w.manager);
    const a = await place();
    expect(await startPickingAction({ pickupId: a })).toMatchObject({ ok: true });
    expect(await stateOf(a)).toBe('to_pick');
    expect(await rejectPickupAction({ pickupId: a, reason: 'damaged', note: 'wet box' })).toMatchObject({ ok: true });
    expect(await stateOf(a)).toBe('rejected');

    const b = await place();
    await markReady(handle.db, w.manager, { pickupId: b });
    const before = (await handle.db.select().from(pickups).where(eq(pickups.id, b)))[0].dueBy!;
    signIn(lyonManager);
    expect(await extendHoldAction({ pickupId: b, days: 2 })).toMatchObject({ ok: false, code: 'forbidden' });
    signIn(w.manager);
    expect(await extendHoldAction({ pickupId: b, days: 2 })).toMatchObject({ ok: true });
    const after = (await handle.db.select().from(pickups).where(eq(pickups.id, b)))[0].dueBy!;
    expect(after.getTime() - before.getTime()).toBe(2 * 86_400_000);
    // A ready parcel cannot be rejected: the state machine says why.
    expect(await rejectPickupAction({ pickupId: b, reason: 'other' })).toMatchObject({ ok: false });
  });
});

describe('GET /pickups/queue', () => {
  it('gives the Paris manager the Paris queue and refuses them Lyon’s', async () => {
    await place();
    await place('LYS');
    signIn(w.manager);
    const res = await queue(`location=${w.paris}&tab=to_pick`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { counts: { to_pick: number }; cards: { orderNumber: string }[] };
    expect(body.counts.to_pick).toBeGreaterThan(0);
    expect(body.cards.length).toBe(body.counts.to_pick);
    expect((await queue(`location=${w.lyon}`)).status).toBe(403);
    signIn(lyonManager);
    expect((await queue(`location=${w.lyon}`)).status).toBe(200);
  });

  it('refuses an agent, a signed-out caller and a bad query with a 4xx', async () => {
    signIn(w.agent);
    expect((await queue(`location=${w.paris}`)).status).toBe(403);
    signIn(null);
    expect((await queue('location=nonsense')).status).toBe(403);
    signIn(w.owner);
    for (const q of ['', 'location=PAR', `location=${w.paris}&tab=everything`]) {
      const res = await queue(q);
      expect(res.status, q).toBe(400);
      expect(await res.json()).toMatchObject({ error: { message: expect.stringMatching(/location=/) } });
    }
  });
});
