import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { executePrepared, type Db } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { secretKeys, type SecretKeys } from './keys';
import { openSecret } from './secret-box';
import { verifySignature } from './signature';
import { hashReadToken } from './values';

export type AuthenticatedChannel = {
  id: string;
  code: string;
  name: string;
  allowSplitShipments: boolean;
  allowBackorders: boolean;
  allowShipToStore: boolean;
};

/** What a request shows: the HMAC of its raw body (deliveries) or a bearer read token (reads). */
export type ChannelCredentials =
  { kind: 'signature'; rawBody: string; header: string | null } | { kind: 'bearer'; header: string | null };

/** One answer for an unknown channel, an inactive one and a wrong credential: codes cannot be probed. */
const REFUSED: Record<ChannelCredentials['kind'], string> = {
  signature: 'Missing or invalid X-Comptoir-Signature.',
  bearer: 'Missing or invalid bearer token.',
};

function refused(kind: ChannelCredentials['kind']): DomainError {
  return new DomainError('invalid_signature', REFUSED[kind]);
}

/**
 * The check of order ingestion, which reads the channel with the order's context: a staff order
 * (phone) for an unknown or inactive channel is not_found; a delivery, whose signature
 * authenticateChannel already verified, answers like a bad signature if the channel went away since.
 */
export function checkChannel<C extends { active: boolean }>(
  code: string,
  channel: C | null | undefined,
  by: 'delivery' | 'staff',
): asserts channel is C {
  if (channel?.active) return;
  if (by === 'delivery') throw refused('signature');
  throw new DomainError('not_found', `Unknown channel "${code}".`);
}

type Live = { id: string; expiresAt: number | null };
type Entry = {
  channel: AuthenticatedChannel | null;
  signing: (Live & { secret: string })[];
  read: (Live & { hash: Buffer })[];
  loadedAt: number;
};

export type AuthenticatorOptions = {
  /** How long a channel's credentials (or its absence) are taken from memory. */
  ttlMs?: number;
  /** After a miss, the credentials are read again if they are at least this old (a rotation elsewhere). */
  refetchAfterMs?: number;
  /** Least time between two recordings of one credential's last use. */
  usageEveryMs?: number;
  /** Uses are written in one statement this long after the first, off the requests' path. */
  usageFlushDelayMs?: number;
  maxChannels?: number;
  now?: () => number;
  keys?: () => SecretKeys;
};

// Any secret will do: an unknown channel costs an HMAC like a known one.
const NO_SECRET = 'no channel';
const MAX_CODE_LENGTH = 100;

/**
 * A process's view of channel credentials. Each channel's active credentials (decrypted) are
 * kept for a few seconds, unknown codes too, so deliveries and enumerations alike cost no
 * database work most of the time; a miss reads the channel again (at most twice a second), so a
 * credential created by a rotation on another instance works at once. Expiry is checked against
 * the clock on every use. Each credential's last use is written at most once a minute, batched
 * after the answer; a failure to write it is logged, never the request's.
 */
export class ChannelAuthenticator {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();
  private readonly lastRecorded = new Map<string, number>();
  private readonly pendingUse = new Map<string, number>();
  private readonly unreadableLogged = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly ttlMs: number;
  private readonly refetchAfterMs: number;
  private readonly usageEveryMs: number;
  private readonly usageFlushDelayMs: number;
  private readonly maxChannels: number;
  private readonly now: () => number;
  private readonly keys: () => SecretKeys;

  constructor(
    private readonly db: Db,
    opts: AuthenticatorOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 5_000;
    this.refetchAfterMs = opts.refetchAfterMs ?? 500;
    this.usageEveryMs = opts.usageEveryMs ?? 60_000;
    this.usageFlushDelayMs = opts.usageFlushDelayMs ?? 1_000;
    this.maxChannels = opts.maxChannels ?? 10_000;
    this.now = opts.now ?? Date.now;
    this.keys = opts.keys ?? secretKeys;
  }

  /** The channel whose active credential the request carries; invalid_signature otherwise, whatever was wrong. */
  async authenticate(code: string, credentials: ChannelCredentials): Promise<AuthenticatedChannel> {
    const key = code.trim().toLowerCase();
    if (!key || key.length > MAX_CODE_LENGTH) throw refused(credentials.kind);
    let entry = await this.entry(key, false);
    let id = this.match(entry, credentials);
    if (id === null && this.now() - entry.loadedAt >= this.refetchAfterMs) {
      entry = await this.entry(key, true);
      id = this.match(entry, credentials);
    }
    if (id === null || !entry.channel) throw refused(credentials.kind);
    this.recordUse(id);
    return entry.channel;
  }

  /** Drops what is known of a channel (after a change made by this process). */
  forget(code: string): void {
    this.entries.delete(code.trim().toLowerCase());
  }

  /** Writes the uses recorded so far (tests, shutdown). */
  async flushUsage(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = [...this.pendingUse];
    this.pendingUse.clear();
    if (!batch.length) return;
    const values = sql.join(
      batch.map(([id, at]) => sql`(${id}::uuid, ${new Date(at).toISOString()}::timestamptz)`),
      sql`, `,
    );
    try {
      await this.db.execute(sql`
        update channel_credentials c set last_used_at = v.at
        from (values ${values}) as v(id, at)
        where c.id = v.id and (c.last_used_at is null or c.last_used_at < v.at)`);
    } catch (error) {
      logger().error(
        { err: error, where: 'channel-credentials' },
        'recording the last use of channel credentials failed',
      );
    }
  }

  private recordUse(id: string): void {
    const at = this.now();
    const last = this.lastRecorded.get(id);
    if (last !== undefined && at - last < this.usageEveryMs) return;
    this.lastRecorded.set(id, at);
    this.pendingUse.set(id, at);
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flushUsage(), this.usageFlushDelayMs);
      this.flushTimer.unref?.();
    }
  }

  /** The credential matched, by id, or null. */
  private match(entry: Entry, credentials: ChannelCredentials): string | null {
    const at = this.now();
    const live = (c: Live) => c.expiresAt === null || c.expiresAt > at;
    if (credentials.kind === 'signature') {
      if (!entry.channel) {
        verifySignature(NO_SECRET, credentials.rawBody, credentials.header);
        return null;
      }
      return (
        entry.signing.find((c) => live(c) && verifySignature(c.secret, credentials.rawBody, credentials.header))?.id ??
        null
      );
    }
    const token = credentials.header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    if (!token) return null;
    const hash = Buffer.from(hashReadToken(token), 'hex');
    return entry.read.find((c) => live(c) && timingSafeEqual(c.hash, hash))?.id ?? null;
  }

  private entry(key: string, force: boolean): Promise<Entry> {
    const cached = this.entries.get(key);
    if (!force && cached && this.now() - cached.loadedAt < this.ttlMs) return Promise.resolve(cached);
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.load(key).finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    return loading;
  }

  private async load(key: string): Promise<Entry> {
    const loadedAt = this.now();
    const { rows } = await executePrepared<Row>(
      this.db,
      sql`
        select c.id, c.code, c.name, c.active, c.allow_split_shipments as "allowSplitShipments", c.allow_backorders as "allowBackorders",
          c.allow_ship_to_store as "allowShipToStore",
          (select coalesce(json_agg(json_build_object('id', k.id, 'kind', k.kind, 'secret', k.secret_encrypted, 'hash', k.token_hash,
             'expiresAt', k.expires_at)), '[]')
           from channel_credentials k
           where k.channel_id = c.id and (k.expires_at is null or k.expires_at > ${new Date(loadedAt).toISOString()}::timestamptz)) as credentials
        from channels c where c.code = ${key}`,
    );
    const row = rows[0];
    const entry: Entry = { channel: null, signing: [], read: [], loadedAt };
    if (row?.active) {
      entry.channel = {
        id: row.id,
        code: row.code,
        name: row.name,
        allowSplitShipments: row.allowSplitShipments,
        allowBackorders: row.allowBackorders,
        allowShipToStore: row.allowShipToStore,
      };
      for (const c of row.credentials) {
        const expiresAt = c.expiresAt === null ? null : Date.parse(c.expiresAt);
        if (c.kind === 'read' && c.hash) entry.read.push({ id: c.id, expiresAt, hash: Buffer.from(c.hash, 'hex') });
        if (c.kind === 'signing' && c.secret) {
          const secret = this.open(c.id, c.secret, row.id);
          if (secret !== null) entry.signing.push({ id: c.id, expiresAt, secret });
        }
      }
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxChannels) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  private open(id: string, stored: string, channelId: string): string | null {
    try {
      return openSecret(this.keys(), stored, channelId);
    } catch (error) {
      if (!this.unreadableLogged.has(id)) {
        this.unreadableLogged.add(id);
        logger().error(
          { err: error, where: 'channel-credentials', credentialId: id },
          'a channel signing secret cannot be decrypted: it is ignored',
        );
      }
      return null;
    }
  }
}

type Row = {
  id: string;
  code: string;
  name: string;
  active: boolean;
  allowSplitShipments: boolean;
  allowBackorders: boolean;
  allowShipToStore: boolean;
  credentials: {
    id: string;
    kind: 'signing' | 'read';
    secret: string | null;
    hash: string | null;
    expiresAt: string | null;
  }[];
};

const authenticators = new WeakMap<Db, ChannelAuthenticator>();

/** The process's authenticator for this database. */
export function channelAuthenticator(db: Db): ChannelAuthenticator {
  let found = authenticators.get(db);
  if (!found) {
    found = new ChannelAuthenticator(db);
    authenticators.set(db, found);
  }
  return found;
}

/**
 * A channel's request is theirs if it carries the HMAC of its raw body with one of the channel's
 * active signing secrets (deliveries) or one of its active read tokens as a bearer token (reads).
 * Unknown channel, inactive channel or wrong credential: the same 401 invalid_signature.
 */
export function authenticateChannel(
  db: Db,
  code: string,
  credentials: ChannelCredentials,
): Promise<AuthenticatedChannel> {
  return channelAuthenticator(db).authenticate(code, credentials);
}
