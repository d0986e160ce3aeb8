import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, channelCredentials, channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { isDomainError } from '@/lib/errors';
import { channelAuthenticator, ChannelAuthenticator, type ChannelCredentials } from './authenticate';
import { createChannel, type CreateChannelInput } from './create-channel';
import { hashReadToken } from './credentials';
import { parseSecretKey, SECRET_KEY_ENV, type SecretKeys } from './keys';
import { sealedWith } from './secret-box';
import { signBody } from './signature';

// The process's keys (what the script uses), from the environment rather than a generated .data/ file.
const KEY = randomBytes(32).toString('base64');
process.env[SECRET_KEY_ENV] = KEY;
const KEYS: SecretKeys = { current: parseSecretKey(KEY), previous: [], source: 'test' };

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const body = '{"externalId":"W-1","lines":[]}';
const signed = (secret: string): ChannelCredentials => ({
  kind: 'signature',
  rawBody: body,
  header: signBody(secret, body),
});
const bearer = (token: string): ChannelCredentials => ({ kind: 'bearer', header: `Bearer ${token}` });

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return `${error.code}: ${error.message}`;
  }
}

async function counts() {
  const [row] = await handle.db
    .execute<{ channels: number; credentials: number; audits: number }>(
      sql`
    select (select count(*)::int from channels) as channels, (select count(*)::int from channel_credentials) as credentials,
      (select count(*)::int from audit_log) as audits`,
    )
    .then((r) => r.rows);
  return row;
}

describe('creating a channel', () => {
  it('creates the channel with a signing secret and a read token that authenticate it, audited without the values', async () => {
    // This process remembered the code as unknown before it existed.
    expect(await refusal(channelAuthenticator(handle.db).authenticate('web-shop', bearer('cpr_none')))).toMatch(
      /^invalid_signature/,
    );

    const result = await createChannel(handle.db, {
      code: 'web-shop',
      name: '  Boutique en ligne ',
      names: { en: ' Online shop ' },
      kind: 'web',
      allowSplitShipments: true,
    });
    expect(result.channel).toMatchObject({
      code: 'web-shop',
      name: 'Boutique en ligne',
      names: { en: 'Online shop' },
      kind: 'web',
      allowSplitShipments: true,
      allowBackorders: false,
    });
    const secret = result.created.find((c) => c.kind === 'signing')!.value;
    const token = result.created.find((c) => c.kind === 'read')!.value;
    expect(secret).toMatch(/^cps_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatch(/^cpr_[A-Za-z0-9_-]{43}$/);

    const [row] = await handle.db.select().from(channels).where(eq(channels.code, 'web-shop'));
    expect(row).toMatchObject({
      id: result.channel.id,
      active: true,
      allowSplitShipments: true,
      allowBackorders: false,
    });
    const stored = await handle.db.select().from(channelCredentials).where(eq(channelCredentials.channelId, row.id));
    expect(stored.map((c) => c.kind).sort()).toEqual(['read', 'signing']);
    const read = stored.find((c) => c.kind === 'read')!;
    expect(read.tokenHash).toBe(hashReadToken(token));
    expect(read.expiresAt).toBeNull();
    const signing = stored.find((c) => c.kind === 'signing')!;
    expect(sealedWith(signing.secretEncrypted!)).toBe(KEYS.current.id);
    expect(signing.expiresAt).toBeNull();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(secret);

    // A signed delivery verifies, by a fresh authenticator and by this process's (told of the new channel).
    const fresh = new ChannelAuthenticator(handle.db, { keys: () => KEYS });
    await expect(fresh.authenticate('web-shop', signed(secret))).resolves.toMatchObject({
      id: row.id,
      allowSplitShipments: true,
    });
    await expect(fresh.authenticate('web-shop', bearer(token))).resolves.toMatchObject({ id: row.id });
    expect(await refusal(fresh.authenticate('web-shop', signed(token)))).toMatch(/^invalid_signature/);
    await expect(channelAuthenticator(handle.db).authenticate('web-shop', signed(secret))).resolves.toMatchObject({
      id: row.id,
    });

    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'channel.created', entityType: 'channel', actorId: null });
    expect(audits[0].data).toMatchObject({
      code: 'web-shop',
      names: { en: 'Online shop' },
      kind: 'web',
      created: expect.arrayContaining([expect.objectContaining({ kind: 'read', hint: token.slice(-4) })]),
    });
    expect(JSON.stringify(audits[0].data)).not.toContain(token);
    expect(JSON.stringify(audits[0].data)).not.toContain(secret);
  });

  it('refuses a taken code and writes nothing', async () => {
    await createChannel(handle.db, { code: 'phone', name: 'Téléphone', kind: 'phone' });
    const before = await counts();
    expect(
      await refusal(createChannel(handle.db, { code: 'phone', name: 'Autre', kind: 'web', allowBackorders: true })),
    ).toBe('conflict: A channel with the code "phone" already exists.');
    expect(await counts()).toEqual(before);
    const [row] = await handle.db.select().from(channels).where(eq(channels.code, 'phone'));
    expect(row).toMatchObject({ name: 'Téléphone', kind: 'phone', allowBackorders: false });
  });

  it('refuses a code that is not lowercase letters, digits and dashes, an empty name and an unknown kind', async () => {
    const before = await counts();
    const bad: CreateChannelInput[] = [
      { code: 'Web', name: 'x', kind: 'web' },
      { code: 'web shop', name: 'x', kind: 'web' },
      { code: 'web_shop', name: 'x', kind: 'web' },
      { code: '-web', name: 'x', kind: 'web' },
      { code: 'web/orders', name: 'x', kind: 'web' },
      { code: 'a'.repeat(51), name: 'x', kind: 'web' },
      { code: '', name: 'x', kind: 'web' },
    ];
    for (const input of bad)
      expect(await refusal(createChannel(handle.db, input))).toMatch(/^validation_failed: The channel code/);
    expect(await refusal(createChannel(handle.db, { code: 'ok-2', name: ' ', kind: 'web' }))).toMatch(
      /^validation_failed: The channel needs a name/,
    );
    expect(await refusal(createChannel(handle.db, { code: 'ok-2', name: 'x', kind: 'fax' as 'web' }))).toMatch(
      /^validation_failed: The channel kind is one of web, marketplace, pos, phone/,
    );
    expect(
      await refusal(createChannel(handle.db, { code: 'ok-2', name: 'x', names: { en: ' ' }, kind: 'web' })),
    ).toMatch(/^validation_failed: A name in a language cannot be empty/);
    expect(
      await refusal(createChannel(handle.db, { code: 'ok-2', name: 'x', names: { de: 'y' } as never, kind: 'web' })),
    ).toMatch(/^validation_failed: A name's language is one of the interface's: en, fr/);
    expect(await counts()).toEqual(before);
  });
});
