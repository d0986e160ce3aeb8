import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { channels } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { verifySignature } from './signature';

export type AuthenticatedChannel = {
  id: string;
  code: string;
  name: string;
  allowSplitShipments: boolean;
  allowBackorders: boolean;
};

export type ChannelCredentials =
  | { kind: 'signature'; rawBody: string; header: string | null }
  | { kind: 'bearer'; header: string | null };

/**
 * A channel's request is theirs if it carries the HMAC of its raw body (deliveries) or its
 * secret as a bearer token (reads). Unknown or inactive channel → not_found; anything else →
 * invalid_signature, without saying what was wrong.
 */
export async function authenticateChannel(db: DbOrTx, code: string, credentials: ChannelCredentials): Promise<AuthenticatedChannel> {
  const [channel] = await db.select().from(channels).where(eq(channels.code, code.trim().toLowerCase()));
  checkChannel(code, channel, credentials);
  return {
    id: channel.id,
    code: channel.code,
    name: channel.name,
    allowSplitShipments: channel.allowSplitShipments,
    allowBackorders: channel.allowBackorders,
  };
}

/**
 * The check behind authenticateChannel, for callers that read the channel row themselves (order
 * ingestion reads it with the order's context): unknown or inactive → not_found; credentials
 * that do not match → invalid_signature. `null` credentials: staff acting for the channel,
 * already authorised by the caller.
 */
export function checkChannel<C extends { active: boolean; secret: string }>(
  code: string,
  channel: C | null | undefined,
  credentials: ChannelCredentials | null,
): asserts channel is C {
  if (!channel || !channel.active) throw new DomainError('not_found', `Unknown channel "${code}".`);
  if (!credentials) return;
  const ok =
    credentials.kind === 'signature'
      ? verifySignature(channel.secret, credentials.rawBody, credentials.header)
      : bearerMatches(channel.secret, credentials.header);
  if (!ok) {
    throw new DomainError(
      'invalid_signature',
      credentials.kind === 'signature' ? 'Missing or invalid X-Comptoir-Signature.' : 'Missing or invalid bearer token.',
    );
  }
}

function bearerMatches(secret: string, header: string | null): boolean {
  const token = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (!token) return false;
  const a = Buffer.from(token);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
