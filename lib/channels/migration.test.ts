import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openPglite, openPostgres, type DbHandle } from '@/db/client';
import { assertLocal } from '@/db/testing';
import { ChannelAuthenticator } from './authenticate';
import { sealSigningSecrets } from './credentials';
import { parseSecretKey, type SecretKeys } from './keys';
import { sealedWith } from './secret-box';
import { signBody } from './signature';
import { hashReadToken } from './values';

const KEYS: SecretKeys = { current: parseSecretKey(randomBytes(32).toString('base64')), previous: [], source: 'test' };

/** The migrations folder as it stood before channels.secret moved to channel_credentials (up to 0009). */
function migrationsUpTo(lastIdx: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= lastIdx);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

// On PGlite by default; on the PostgreSQL server named by DATABASE_URL when there is one.
const url = process.env.DATABASE_URL;
const dbName = `comptoir_test_${randomBytes(6).toString('hex')}`;
let handle: DbHandle;

async function admin(query: string) {
  const target = new URL(url!);
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function migrateTo(folder: string) {
  if (handle.engine === 'pglite')
    await migratePglite(handle.db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder: folder });
  else await migratePg(handle.db, { migrationsFolder: folder });
}

beforeAll(async () => {
  if (url) {
    assertLocal(url);
    await admin(`CREATE DATABASE ${dbName}`);
    const target = new URL(url);
    target.pathname = `/${dbName}`;
    handle = openPostgres(target.toString(), 2);
  } else {
    handle = await openPglite();
  }
});
afterAll(async () => {
  await handle.close();
  if (url) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

describe('migrations 0010 and 0011: channels.secret becomes credentials', () => {
  it('copies each secret into a signing credential and a read credential, then drops the column; the old secret keeps working', async () => {
    await migrateTo(migrationsUpTo(9));
    await handle.exec(`
      INSERT INTO channels (code, name, kind, secret, created_at) VALUES
        ('web', 'Web', 'web', 'demo-secret-web', '2025-01-01'), ('pos', 'POS', 'pos', 'short', '2025-01-01'),
        ('twin', 'Same secret', 'web', 'demo-secret-web', '2025-02-01');`);
    await migrateTo(MIGRATIONS_FOLDER);

    const rows = (
      await handle.db.execute<{
        code: string;
        kind: string;
        secret_encrypted: string | null;
        token_hash: string | null;
        hint: string;
      }>(sql`
        select c.code, k.kind, k.secret_encrypted, k.token_hash, k.hint
        from channel_credentials k join channels c on c.id = k.channel_id order by c.code, k.kind`)
    ).rows;
    expect(rows).toEqual([
      { code: 'pos', kind: 'signing', secret_encrypted: 'plain:short', token_hash: null, hint: '' },
      { code: 'pos', kind: 'read', secret_encrypted: null, token_hash: hashReadToken('short'), hint: '' },
      // A read token cannot be shared (token_hash is unique): the second channel with that secret must rotate it.
      { code: 'twin', kind: 'signing', secret_encrypted: 'plain:demo-secret-web', token_hash: null, hint: '-web' },
      { code: 'web', kind: 'signing', secret_encrypted: 'plain:demo-secret-web', token_hash: null, hint: '-web' },
      { code: 'web', kind: 'read', secret_encrypted: null, token_hash: hashReadToken('demo-secret-web'), hint: '-web' },
    ]);
    const columns = await handle.db.execute<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_name = 'channels' and column_name = 'secret'`,
    );
    expect(columns.rows).toEqual([]);

    // The next start encrypts them; the channel signs and reads with the secret it always had.
    expect(await sealSigningSecrets(handle.db, { keys: KEYS })).toEqual({ sealed: 3, reencrypted: 0, unreadable: [] });
    const stored = await handle.db.execute<{ v: string }>(
      sql`select secret_encrypted as v from channel_credentials where kind = 'signing'`,
    );
    expect(stored.rows.map((r) => sealedWith(r.v))).toEqual([KEYS.current.id, KEYS.current.id, KEYS.current.id]);
    const auth = new ChannelAuthenticator(handle.db, { keys: () => KEYS });
    const body = '{"externalId":"W-1"}';
    await expect(
      auth.authenticate('web', { kind: 'signature', rawBody: body, header: signBody('demo-secret-web', body) }),
    ).resolves.toMatchObject({ code: 'web' });
    await expect(auth.authenticate('web', { kind: 'bearer', header: 'Bearer demo-secret-web' })).resolves.toMatchObject(
      { code: 'web' },
    );
  });
});
