import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { channels, customerIdentities, customers, loyaltyEntries } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addChannelCredential } from '@/lib/channels/credentials';
import { signBody } from '@/lib/channels/signature';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { GET as balanceRoute } from '@/app/api/v1/loyalty/balance/route';
import { POST as redeemRoute } from '@/app/api/v1/loyalty/redemptions/route';
import { changePoints } from './change-points';

// The channel API of loyalty, through its App Router route handlers, on a real engine.
process.env.COMPTOIR_SECRET_KEY ??= randomBytes(32).toString('base64');
const SECRET = 'loyalty-web-secret';
const READ = 'loyalty-web-read-token';
const OTHER = 'loyalty-shop-secret';

let handle: DbHandle;
let w: InventoryWorld;
let customerId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  w = await makeInventoryWorld(handle.db, { stock: 0 });
  const [web, shop] = await handle.db
    .insert(channels)
    .values([
      { code: 'web', name: 'Web', kind: 'web' },
      { code: 'shop', name: 'Shop', kind: 'web' },
    ])
    .returning({ id: channels.id });
  await addChannelCredential(handle.db, { channelId: web.id, kind: 'signing', value: SECRET });
  await addChannelCredential(handle.db, { channelId: web.id, kind: 'read', value: READ });
  await addChannelCredential(handle.db, { channelId: shop.id, kind: 'signing', value: OTHER });
  const [c] = await handle.db
    .insert(customers)
    .values({ firstName: 'Inès', lastName: 'Fidèle', email: 'ines@example.fr' })
    .returning({ id: customers.id });
  customerId = c.id;
  await handle.db.insert(customerIdentities).values([
    { customerId, kind: 'email', value: 'ines@example.fr' },
    { customerId, kind: 'loyalty', value: 'FID-00000042' },
  ]);
  await changePoints(handle.db, w.agent, { customerId, kind: 'adjust', points: 120, reason: 'welcome' });
});
afterAll(() => handle?.close());

type ApiBody = {
  balance?: number;
  redemption?: Record<string, unknown>;
  error: { code: string; message: string; details: Record<string, unknown> };
};
type Post = { channel?: string; key?: string; secret?: string | null };

async function redeem(body: unknown, opts: Post = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers = new Headers({ 'content-type': 'application/json' });
  const secret = opts.secret === undefined ? SECRET : opts.secret;
  if (secret) headers.set('x-comptoir-signature', signBody(secret, raw));
  if (opts.key) headers.set('idempotency-key', opts.key);
  const res = await redeemRoute(
    new Request(`http://test/api/v1/loyalty/redemptions?channel=${opts.channel ?? 'web'}`, {
      method: 'POST',
      body: raw,
      headers,
    }),
  );
  return { status: res.status, body: (await res.json()) as ApiBody };
}

async function balance(query: string, token: string | null = READ) {
  const res = await balanceRoute(
    new Request(`http://test/api/v1/loyalty/balance?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
  );
  return { status: res.status, body: (await res.json()) as ApiBody };
}

const entryCount = async () => (await handle.db.select({ n: sql<number>`count(*)::int` }).from(loyaltyEntries))[0].n;

describe('GET /api/v1/loyalty/balance', () => {
  it('reads the balance by loyalty id and by e-mail (any case), with the channel read token', async () => {
    expect(await balance('channel=web&loyaltyId=FID-00000042')).toEqual({
      status: 200,
      body: { loyaltyId: 'FID-00000042', email: null, balance: 120 },
    });
    expect((await balance('channel=web&email=Ines@Example.FR')).body.balance).toBe(120);
  });

  it('refuses a missing or wrong token (401), bad queries (400 saying what) and an unknown customer (404)', async () => {
    expect((await balance('channel=web&loyaltyId=FID-00000042', null)).status).toBe(401);
    expect((await balance('channel=web&loyaltyId=FID-00000042', 'nope')).status).toBe(401);
    const both = await balance('channel=web&loyaltyId=FID-00000042&email=ines@example.fr');
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/loyaltyId or email/);
    expect((await balance('channel=web')).status).toBe(400);
    const bad = await balance('channel=web&email=not-an-email');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    expect(bad.body.error.message).toMatch(/^email: /);
    expect(await balance('channel=web&loyaltyId=FID-99999999')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
  });
});

describe('POST /api/v1/loyalty/redemptions', () => {
  it('redeems with 201 and the balance after; the same key again answers the first answer and writes nothing', async () => {
    const body = { loyaltyId: 'FID-00000042', points: 30, reason: 'voucher V-1' };
    const first = await redeem(body, { key: 'R-1' });
    expect(first.status).toBe(201);
    expect(first.body.redemption).toMatchObject({ redemptionId: 'R-1', points: 30, balance: 90 });
    const before = await entryCount();
    const replay = await redeem(body, { key: 'R-1' });
    expect(replay).toEqual({ status: 200, body: first.body });
    // Even with other contents: the id is the redemption.
    expect(await redeem({ ...body, points: 5 }, { key: 'R-1' })).toEqual({ status: 200, body: first.body });
    expect(await entryCount()).toBe(before);
    // The id may come in the body instead; another channel's same id is another redemption.
    const byBody = await redeem({ redemptionId: 'R-2', email: 'ines@example.fr', points: 10 });
    expect(byBody).toMatchObject({ status: 201, body: { redemption: { redemptionId: 'R-2', balance: 80 } } });
    const [entry] = await handle.db.select().from(loyaltyEntries).where(eq(loyaltyEntries.idempotencyKey, 'R-2'));
    expect(entry).toMatchObject({ kind: 'redeem', points: -10, customerId, actorId: null });
    expect((await balance('channel=web&loyaltyId=FID-00000042')).body.balance).toBe(80);
  });

  it('answers 409 with a clear message when the balance is short, and writes nothing', async () => {
    const before = await entryCount();
    const res = await redeem({ loyaltyId: 'FID-00000042', points: 81 }, { key: 'R-big' });
    expect(res).toEqual({
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: 'Insufficient loyalty balance: 80 point(s) available, 81 requested.',
          details: { reason: 'insufficient_balance', balance: 80, requested: 81 },
        },
      },
    });
    expect(await entryCount()).toBe(before);
  });

  it('requires the signature: unsigned, wrongly signed or signed by another channel is a 401, even on a bad body', async () => {
    const body = { loyaltyId: 'FID-00000042', points: 1 };
    const before = await entryCount();
    for (const opts of [{ secret: null }, { secret: 'wrong' }, { secret: OTHER }, { channel: 'nope' }] as Post[]) {
      const res = await redeem(body, { key: 'R-sig', ...opts });
      expect(res).toMatchObject({ status: 401, body: { error: { code: 'invalid_signature' } } });
    }
    expect((await redeem('{not json', { secret: null })).status).toBe(401);
    expect(await entryCount()).toBe(before);
  });

  it('answers bad input with a 400 that says what is wrong', async () => {
    const cases: [unknown, Post, RegExp][] = [
      ['{not json', { key: 'B-1' }, /not valid JSON/],
      [{ loyaltyId: 'FID-00000042', points: 0 }, { key: 'B-2' }, /^points: points must be at least 1/],
      [{ loyaltyId: 'FID-00000042', points: 2.5 }, { key: 'B-3' }, /whole number/],
      [{ points: 5 }, { key: 'B-4' }, /loyaltyId or email/],
      [{ loyaltyId: 'FID-00000042', points: 5 }, {}, /Idempotency-Key header or a redemptionId/],
      [{ loyaltyId: 'FID-00000042', points: 5, redemptionId: 'X' }, { key: 'Y' }, /differ/],
      [{ loyaltyId: 'FID-00000042', points: 5, extra: true }, { key: 'B-5' }, /extra/],
      ['x'.repeat(20_000), { key: 'B-6' }, /too large/],
    ];
    for (const [body, opts, message] of cases) {
      const res = await redeem(body, opts);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toMatch(message);
    }
    expect(await redeem({ email: 'nobody@example.fr', points: 5 }, { key: 'B-7' })).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: 'No customer has this loyalty id or e-mail.' } },
    });
  });

  it('concurrent deliveries of one redemption write it once and answer alike', async () => {
    await changePoints(handle.db, w.agent, { customerId, kind: 'adjust', points: 20, reason: 'top-up' });
    const body = { loyaltyId: 'FID-00000042', points: 7 };
    const answers = await Promise.all([1, 2, 3].map(() => redeem(body, { key: 'R-race' })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    const rows = await handle.db.select().from(loyaltyEntries).where(eq(loyaltyEntries.idempotencyKey, 'R-race'));
    expect(rows).toHaveLength(1);
  });
});
