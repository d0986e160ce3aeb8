import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull, like, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { auditLog, channelCredentials, channels } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { channelAuthenticator } from './authenticate';
import { secretKeys, type SecretKeys } from './keys';
import { openSecret, PLAIN_PREFIX, sealedWith, sealSecret } from './secret-box';
import { generateCredentialValue, hashReadToken, hintOf, type CredentialKind } from './values';

export { CREDENTIAL_KINDS, generateCredentialValue, hashReadToken, hintOf, type CredentialKind } from './values';

export type NewCredential = { id: string; kind: CredentialKind; value: string; hint: string };

/**
 * Adds a credential to a channel: a signing secret is stored encrypted with the current key, a
 * read token as its SHA-256. `value` defaults to a new random one. The value is returned once.
 */
export async function addChannelCredential(
  db: DbOrTx,
  input: { channelId: string; kind: CredentialKind; value?: string; expiresAt?: Date | null; keys?: SecretKeys },
): Promise<NewCredential> {
  const value = input.value ?? generateCredentialValue(input.kind);
  const id = randomUUID();
  const hint = hintOf(value);
  await db.insert(channelCredentials).values({
    id,
    channelId: input.channelId,
    kind: input.kind,
    secretEncrypted: input.kind === 'signing' ? sealSecret(input.keys ?? secretKeys(), value, input.channelId) : null,
    tokenHash: input.kind === 'read' ? hashReadToken(value) : null,
    hint,
    expiresAt: input.expiresAt ?? null,
  });
  return { id, kind: input.kind, value, hint };
}

/**
 * Credential rows for a channel whose one secret both signs and reads (the demo's documented
 * secrets; migration 0010 does the same in SQL): the signing secret stored plain until
 * sealSigningSecrets encrypts it, the read token hashed. For seeds, which insert rows in bulk.
 */
export function plainCredentialRows(channelId: string, secret: string, createdAt: Date) {
  const hint = hintOf(secret);
  return [
    { channelId, kind: 'signing' as const, secretEncrypted: PLAIN_PREFIX + secret, tokenHash: null, hint, createdAt },
    { channelId, kind: 'read' as const, secretEncrypted: null, tokenHash: hashReadToken(secret), hint, createdAt },
  ];
}

export type CredentialSummary = {
  id: string;
  kind: CredentialKind;
  hint: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  active: boolean;
};

/** A channel's credentials without their values, newest first within each kind. */
export async function listChannelCredentials(db: DbOrTx, code: string, now = new Date()): Promise<CredentialSummary[]> {
  const channel = await getChannel(db, code);
  const rows = await db
    .select({
      id: channelCredentials.id,
      kind: channelCredentials.kind,
      hint: channelCredentials.hint,
      createdAt: channelCredentials.createdAt,
      expiresAt: channelCredentials.expiresAt,
      lastUsedAt: channelCredentials.lastUsedAt,
    })
    .from(channelCredentials)
    .where(eq(channelCredentials.channelId, channel.id))
    .orderBy(asc(channelCredentials.kind), sql`${channelCredentials.createdAt} desc`, asc(channelCredentials.id));
  return rows.map((r) => ({ ...r, active: r.expiresAt === null || r.expiresAt > now }));
}

export type RotationResult = {
  channel: { id: string; code: string };
  /** The new values: shown once, stored only encrypted (signing) or hashed (read). */
  created: NewCredential[];
  /** The credentials replaced, still valid until `expiresAt`. */
  expiring: { id: string; kind: CredentialKind; hint: string; expiresAt: Date }[];
};

/**
 * Rotates a channel's credentials of the given kinds: one new credential per kind, and every
 * active one of those kinds expires at now + overlap (an earlier expiry is kept), so the channel
 * can switch to the new values within the overlap. One transaction, audited without the values.
 */
export async function rotateChannelCredentials(
  db: Db,
  input: {
    code: string;
    kinds: readonly CredentialKind[];
    overlapMs: number;
    now?: Date;
    keys?: SecretKeys;
    actorId?: string | null;
  },
): Promise<RotationResult> {
  if (!input.kinds.length)
    throw new DomainError('validation_failed', 'Name at least one kind of credential to rotate.');
  if (!Number.isFinite(input.overlapMs) || input.overlapMs < 0)
    throw new DomainError('validation_failed', 'The overlap must be 0 or more.');
  const now = input.now ?? new Date();
  const until = new Date(now.getTime() + input.overlapMs);
  const keys = input.keys ?? secretKeys();
  const result = await db.transaction(async (tx) => {
    const channel = await getChannel(tx, input.code, { lock: true });
    const expiring: RotationResult['expiring'] = [];
    const created: NewCredential[] = [];
    for (const kind of input.kinds) {
      const replaced = await tx
        .update(channelCredentials)
        .set({
          expiresAt: sql`least(coalesce(${channelCredentials.expiresAt}, 'infinity'), ${until.toISOString()}::timestamptz)`,
        })
        .where(
          and(
            eq(channelCredentials.channelId, channel.id),
            eq(channelCredentials.kind, kind),
            or(isNull(channelCredentials.expiresAt), gt(channelCredentials.expiresAt, now)),
          ),
        )
        .returning({
          id: channelCredentials.id,
          hint: channelCredentials.hint,
          expiresAt: channelCredentials.expiresAt,
        });
      for (const r of replaced) expiring.push({ id: r.id, kind, hint: r.hint, expiresAt: r.expiresAt! });
      created.push(await addChannelCredential(tx, { channelId: channel.id, kind, keys }));
    }
    await tx.insert(auditLog).values({
      actorId: input.actorId ?? null,
      action: 'channel.credentials.rotated',
      entityType: 'channel',
      entityId: channel.id,
      data: {
        code: channel.code,
        overlapSeconds: Math.round(input.overlapMs / 1000),
        created: created.map((c) => ({ id: c.id, kind: c.kind, hint: c.hint })),
        expiring: expiring.map((e) => ({ id: e.id, kind: e.kind, expiresAt: e.expiresAt.toISOString() })),
      },
    });
    return { channel, created, expiring };
  });
  // This process sees the new credentials and the old ones' expiry at once; others within seconds.
  channelAuthenticator(db).forget(result.channel.code);
  return result;
}

export type SealResult = { sealed: number; reencrypted: number; unreadable: { id: string; reason: string }[] };

/**
 * Encrypts the signing secrets still stored plain (migration 0010, seeds) with the current key;
 * with `reencrypt`, also those encrypted with another key (after COMPTOIR_SECRET_KEY changed,
 * the old one in COMPTOIR_SECRET_KEY_PREVIOUS). A secret that no configured key opens is listed,
 * not changed. Each row is rewritten only if no one changed it meanwhile.
 */
export async function sealSigningSecrets(
  db: DbOrTx,
  opts: { keys?: SecretKeys; reencrypt?: boolean } = {},
): Promise<SealResult> {
  const keys = opts.keys ?? secretKeys();
  const result: SealResult = { sealed: 0, reencrypted: 0, unreadable: [] };
  const stale = opts.reencrypt
    ? sql`${channelCredentials.secretEncrypted} not like ${`v1.${keys.current.id}.%`}`
    : like(channelCredentials.secretEncrypted, `${PLAIN_PREFIX}%`);
  const rows = await db
    .select({
      id: channelCredentials.id,
      channelId: channelCredentials.channelId,
      stored: channelCredentials.secretEncrypted,
    })
    .from(channelCredentials)
    .where(and(eq(channelCredentials.kind, 'signing'), stale));
  for (const row of rows) {
    const stored = row.stored!;
    let secret: string;
    try {
      secret = openSecret(keys, stored, row.channelId);
    } catch (error) {
      result.unreadable.push({ id: row.id, reason: (error as Error).message });
      continue;
    }
    const updated = await db
      .update(channelCredentials)
      .set({ secretEncrypted: sealSecret(keys, secret, row.channelId) })
      .where(and(eq(channelCredentials.id, row.id), eq(channelCredentials.secretEncrypted, stored)))
      .returning({ id: channelCredentials.id });
    if (updated.length) {
      if (sealedWith(stored) === null) result.sealed++;
      else result.reencrypted++;
    }
  }
  return result;
}

async function getChannel(
  db: DbOrTx,
  code: string,
  opts: { lock?: boolean } = {},
): Promise<{ id: string; code: string }> {
  const query = db
    .select({ id: channels.id, code: channels.code })
    .from(channels)
    .where(eq(channels.code, code.trim().toLowerCase()));
  const [channel] = opts.lock ? await query.for('update') : await query;
  if (!channel) throw new DomainError('not_found', `Unknown channel "${code}".`);
  return channel;
}
