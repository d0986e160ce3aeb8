import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, channelCredentials, channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { isDomainError } from '@/lib/errors';
import { recordStatements } from '@/lib/testing/statements';
import { ChannelAuthenticator, type ChannelCredentials } from './authenticate';
import {
  addChannelCredential,
  hashReadToken,
  listChannelCredentials,
  rotateChannelCredentials,
  sealSigningSecrets,
} from './credentials';
import { parseSecretKey, type SecretKeys } from './keys';
import { sealedWith } from './secret-box';
import { signBody } from './signature';

const HOUR = 3_600_000;
const keysOf = (current: Buffer, ...previous: Buffer[]): SecretKeys => ({
  current: parseSecretKey(current.toString('base64')),
  previous: previous.map((p) => parseSecretKey(p.toString('base64'))),
  source: 'test',
});
const KEY = randomBytes(32);
const KEYS = keysOf(KEY);

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

let n = 0;
/** A channel with one signing secret and one read token, both given. */
async function channelWith(opts: { active?: boolean } = {}) {
  const code = `ch-${++n}`;
  const [channel] = await handle.db
    .insert(channels)
    .values({ code, name: code, kind: 'web', active: opts.active ?? true })
    .returning({ id: channels.id });
  const signing = await addChannelCredential(handle.db, { channelId: channel.id, kind: 'signing', keys: KEYS });
  const read = await addChannelCredential(handle.db, { channelId: channel.id, kind: 'read', keys: KEYS });
  return { code, id: channel.id, secret: signing.value, token: read.value };
}

/** An authenticator on a clock the test moves. */
function authenticator(opts: { ttlMs?: number } = {}) {
  const clock = { now: Date.now() };
  const auth = new ChannelAuthenticator(handle.db, { now: () => clock.now, keys: () => KEYS, ...opts });
  return { auth, clock };
}

const body = '{"externalId":"X-1"}';
const signed = (secret: string, raw = body): ChannelCredentials => ({
  kind: 'signature',
  rawBody: raw,
  header: signBody(secret, raw),
});
const bearer = (token: string): ChannelCredentials => ({ kind: 'bearer', header: `Bearer ${token}` });

/** The error code and message a failed authentication gives, or 'ok'. */
async function outcome(auth: ChannelAuthenticator, code: string, credentials: ChannelCredentials) {
  try {
    await auth.authenticate(code, credentials);
    return 'ok';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return `${error.code}: ${error.message}`;
  }
}

describe('channel credentials at rest', () => {
  it('keeps read tokens as their SHA-256 and signing secrets encrypted: no value in the table', async () => {
    const ch = await channelWith();
    const rows = await handle.db.select().from(channelCredentials).where(eq(channelCredentials.channelId, ch.id));
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(ch.token);
    expect(dump).not.toContain(ch.secret);
    expect(dump).not.toContain(ch.secret.slice(4, 20));
    const read = rows.find((r) => r.kind === 'read')!;
    expect(read.tokenHash).toBe(hashReadToken(ch.token));
    expect(read.secretEncrypted).toBeNull();
    expect(read.hint).toBe(ch.token.slice(-4));
    const signing = rows.find((r) => r.kind === 'signing')!;
    expect(sealedWith(signing.secretEncrypted!)).toBe(KEYS.current.id);
    expect(signing.tokenHash).toBeNull();
    expect(ch.secret).toMatch(/^cps_[A-Za-z0-9_-]{43}$/);
    expect(ch.token).toMatch(/^cpr_[A-Za-z0-9_-]{43}$/);
  });

  it('seals plain secrets, and re-encrypts with a new key those the previous key sealed', async () => {
    const ch = await channelWith();
    const [plain] = await handle.db
      .insert(channelCredentials)
      .values({ channelId: ch.id, kind: 'signing', secretEncrypted: 'plain:legacy-secret-value', hint: 'alue' })
      .returning({ id: channelCredentials.id });
    expect((await sealSigningSecrets(handle.db, { keys: KEYS })).sealed).toBeGreaterThanOrEqual(1);
    const stored = async (id: string) =>
      (
        await handle.db
          .select({ v: channelCredentials.secretEncrypted })
          .from(channelCredentials)
          .where(eq(channelCredentials.id, id))
      )[0].v!;
    expect(sealedWith(await stored(plain.id))).toBe(KEYS.current.id);

    const next = keysOf(randomBytes(32), KEY);
    const without = await sealSigningSecrets(handle.db, { keys: keysOf(randomBytes(32)), reencrypt: true });
    expect(without.reencrypted).toBe(0);
    expect(without.unreadable.length).toBeGreaterThanOrEqual(2);
    const moved = await sealSigningSecrets(handle.db, { keys: next, reencrypt: true });
    expect(moved.unreadable).toEqual([]);
    expect(sealedWith(await stored(plain.id))).toBe(next.current.id);
    // The old key alone no longer opens it; the new one does, with the same secret as before.
    const { auth } = authenticator();
    const withNewKey = new ChannelAuthenticator(handle.db, { keys: () => next });
    expect(await outcome(auth, ch.code, signed('legacy-secret-value'))).toMatch(/invalid_signature/);
    expect(await outcome(withNewKey, ch.code, signed('legacy-secret-value'))).toBe('ok');
    expect(await outcome(withNewKey, ch.code, signed(ch.secret))).toBe('ok');
  });
});

describe('authenticating a channel', () => {
  it('answers an unknown channel, an inactive one and a wrong credential with the same 401', async () => {
    const ch = await channelWith();
    const off = await channelWith({ active: false });
    const { auth } = authenticator();
    expect(await outcome(auth, ch.code, signed(ch.secret))).toBe('ok');
    expect(await outcome(auth, ch.code, bearer(ch.token))).toBe('ok');
    const refusedDelivery = 'invalid_signature: Missing or invalid X-Comptoir-Signature.';
    expect(await outcome(auth, ch.code, signed('wrong'))).toBe(refusedDelivery);
    expect(await outcome(auth, 'no-such-channel', signed(ch.secret))).toBe(refusedDelivery);
    expect(await outcome(auth, off.code, signed(off.secret))).toBe(refusedDelivery);
    expect(await outcome(auth, ch.code, { kind: 'signature', rawBody: body, header: null })).toBe(refusedDelivery);
    const refusedRead = 'invalid_signature: Missing or invalid bearer token.';
    expect(await outcome(auth, ch.code, bearer('wrong'))).toBe(refusedRead);
    expect(await outcome(auth, 'no-such-channel', bearer(ch.token))).toBe(refusedRead);
    expect(await outcome(auth, off.code, bearer(off.token))).toBe(refusedRead);
    // The two kinds are not interchangeable.
    expect(await outcome(auth, ch.code, bearer(ch.secret))).toBe(refusedRead);
    expect(await outcome(auth, ch.code, signed(ch.token))).toBe(refusedDelivery);
  });

  it('remembers channels, unknown ones too, instead of reading them for each request', async () => {
    const ch = await channelWith();
    const { auth, clock } = authenticator();
    const first = await recordStatements(handle.db, async () => {
      await outcome(auth, ch.code, signed(ch.secret));
      await outcome(auth, 'nobody', signed(ch.secret));
    });
    expect(first.statements).toHaveLength(2);
    const again = await recordStatements(handle.db, async () => {
      for (let i = 0; i < 20; i++) {
        await outcome(auth, ch.code, signed(ch.secret));
        await outcome(auth, ch.code, signed('wrong'));
        await outcome(auth, 'nobody', signed(ch.secret));
      }
    });
    expect(again.statements).toEqual([]);
    // A miss on an entry older than the refetch interval reads the channel once more, not once per request.
    clock.now += 600;
    const later = await recordStatements(handle.db, async () => {
      for (let i = 0; i < 20; i++) await outcome(auth, ch.code, signed('wrong'));
    });
    expect(later.statements).toHaveLength(1);
  });

  it('accepts a credential rotated by another instance at once, by reading the channel again on a miss', async () => {
    const ch = await channelWith();
    const { auth: here, clock } = authenticator();
    expect(await outcome(here, ch.code, signed(ch.secret))).toBe('ok');
    // Another instance rotates (this one's memory is not told).
    const elsewhere = await rotateChannelCredentials(handle.db, {
      code: ch.code,
      kinds: ['signing', 'read'],
      overlapMs: HOUR,
      keys: KEYS,
    });
    const [newSecret, newToken] = ['signing', 'read'].map((k) => elsewhere.created.find((c) => c.kind === k)!.value);
    clock.now += 600;
    expect(await outcome(here, ch.code, signed(newSecret))).toBe('ok');
    expect(await outcome(here, ch.code, bearer(newToken))).toBe('ok');
    expect(await outcome(here, ch.code, signed(ch.secret))).toBe('ok');
  });

  it('takes every active signing secret during an overlap, and refuses the old one once it expired', async () => {
    const ch = await channelWith();
    const start = Date.now();
    const rotation = await rotateChannelCredentials(handle.db, {
      code: ch.code,
      kinds: ['signing'],
      overlapMs: 24 * HOUR,
      now: new Date(start),
      keys: KEYS,
    });
    expect(rotation.created.map((c) => c.kind)).toEqual(['signing']);
    expect(rotation.expiring).toHaveLength(1);
    expect(rotation.expiring[0].expiresAt.getTime()).toBe(start + 24 * HOUR);
    const next = rotation.created[0].value;
    // A long memory: expiry is checked on each use, not only when credentials are read.
    const { auth, clock } = authenticator({ ttlMs: 100 * HOUR });
    expect(await outcome(auth, ch.code, signed(ch.secret))).toBe('ok');
    expect(await outcome(auth, ch.code, signed(next))).toBe('ok');
    expect(await outcome(auth, ch.code, bearer(ch.token))).toBe('ok');
    clock.now = start + 24 * HOUR + 1000;
    expect(await outcome(auth, ch.code, signed(ch.secret))).toMatch(/^invalid_signature/);
    expect(await outcome(auth, ch.code, signed(next))).toBe('ok');
    // The read token was not rotated.
    expect(await outcome(auth, ch.code, bearer(ch.token))).toBe('ok');
  });

  it("records each credential's last use, at most once a minute, off the request", async () => {
    const ch = await channelWith();
    const { auth, clock } = authenticator();
    const lastUsed = async () =>
      Object.fromEntries(
        (await handle.db.select().from(channelCredentials).where(eq(channelCredentials.channelId, ch.id))).map((r) => [
          r.kind,
          r.lastUsedAt?.getTime() ?? null,
        ]),
      );
    const t0 = Math.floor(clock.now / 1000) * 1000;
    clock.now = t0;
    await auth.authenticate(ch.code, signed(ch.secret));
    expect(await lastUsed()).toEqual({ signing: null, read: null });
    await auth.flushUsage();
    expect(await lastUsed()).toEqual({ signing: t0, read: null });
    clock.now = t0 + 30_000;
    await auth.authenticate(ch.code, signed(ch.secret));
    await auth.authenticate(ch.code, bearer(ch.token));
    await auth.flushUsage();
    expect(await lastUsed()).toEqual({ signing: t0, read: t0 + 30_000 });
    clock.now = t0 + 61_000;
    await auth.authenticate(ch.code, signed(ch.secret));
    await auth.flushUsage();
    expect(await lastUsed()).toEqual({ signing: t0 + 61_000, read: t0 + 30_000 });
  });
});

describe('rotating and listing', () => {
  it('rotates both kinds with an overlap, lists credentials without values, and audits without values', async () => {
    const ch = await channelWith();
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const result = await rotateChannelCredentials(handle.db, {
      code: ch.code.toUpperCase(),
      kinds: ['signing', 'read'],
      overlapMs: 2 * HOUR,
      now,
      keys: KEYS,
    });
    expect(result.created.map((c) => c.kind)).toEqual(['signing', 'read']);
    const list = await listChannelCredentials(handle.db, ch.code, now);
    expect(list).toHaveLength(4);
    expect(list.filter((c) => c.expiresAt?.getTime() === now.getTime() + 2 * HOUR)).toHaveLength(2);
    expect(list.every((c) => c.active)).toBe(true);
    expect(JSON.stringify(list)).not.toContain(result.created[0].value);
    expect(Object.keys(list[0]).sort()).toEqual([
      'active',
      'createdAt',
      'expiresAt',
      'hint',
      'id',
      'kind',
      'lastUsedAt',
    ]);
    const after = await listChannelCredentials(handle.db, ch.code, new Date(now.getTime() + 3 * HOUR));
    expect(
      after
        .filter((c) => c.active)
        .map((c) => c.id)
        .sort(),
    ).toEqual(result.created.map((c) => c.id).sort());

    // A rotation with no overlap ends every active one of its kind now.
    const again = await rotateChannelCredentials(handle.db, {
      code: ch.code,
      kinds: ['read'],
      overlapMs: 0,
      now,
      keys: KEYS,
    });
    expect(again.expiring.map((e) => e.id)).toContain(result.created[1].id);
    expect(again.expiring.map((e) => e.expiresAt.getTime())).toEqual([now.getTime(), now.getTime()]);
    // An expiry already set is never pushed later; the current secret gets the new overlap.
    const later = await rotateChannelCredentials(handle.db, {
      code: ch.code,
      kinds: ['signing'],
      overlapMs: 48 * HOUR,
      now,
      keys: KEYS,
    });
    expect(later.expiring.map((e) => e.expiresAt.getTime()).sort()).toEqual([
      now.getTime() + 2 * HOUR,
      now.getTime() + 48 * HOUR,
    ]);
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, ch.id));
    expect(audit.map((a) => a.action)).toEqual(Array(3).fill('channel.credentials.rotated'));
    expect(JSON.stringify(audit)).not.toContain(result.created[0].value);
    expect(JSON.stringify(audit)).not.toContain(result.created[1].value);
  });

  it('refuses an unknown channel and a negative overlap, writing nothing', async () => {
    const before = (await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from channel_credentials`))
      .rows[0].n;
    await expect(
      rotateChannelCredentials(handle.db, { code: 'nope', kinds: ['signing'], overlapMs: 0, keys: KEYS }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const ch = await channelWith();
    await expect(
      rotateChannelCredentials(handle.db, { code: ch.code, kinds: ['signing'], overlapMs: -1, keys: KEYS }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const after = (await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from channel_credentials`))
      .rows[0].n;
    expect(after).toBe(before + 2);
  });
});
