import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretKeys } from './keys';

/**
 * Signing secrets at rest: `v1.<key id>.<iv>.<ciphertext>.<tag>` (AES-256-GCM, base64url parts),
 * bound to their channel (the channel id is the additional authenticated data), so a value copied
 * onto another channel does not decrypt. `plain:<secret>` is what migration 0010 wrote from the
 * old channels.secret: accepted on reading, sealed by scripts/setup-db.ts at the next start.
 */
const VERSION = 'v1';
export const PLAIN_PREFIX = 'plain:';

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export function sealSecret(keys: SecretKeys, secret: string, channelId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current.key, iv);
  cipher.setAAD(Buffer.from(channelId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [
    VERSION,
    keys.current.id,
    iv.toString('base64url'),
    ciphertext.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join('.');
}

export function openSecret(keys: SecretKeys, stored: string, channelId: string): string {
  if (stored.startsWith(PLAIN_PREFIX)) return stored.slice(PLAIN_PREFIX.length);
  const parts = stored.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION)
    throw new SecretBoxError('Not an encrypted secret of a known format.');
  const key = [keys.current, ...keys.previous].find((k) => k.id === parts[1]);
  if (!key) {
    throw new SecretBoxError(
      `Encrypted with key ${parts[1]}, which is neither COMPTOIR_SECRET_KEY (${keys.current.id}) nor in COMPTOIR_SECRET_KEY_PREVIOUS.`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(parts[2], 'base64url'));
    decipher.setAAD(Buffer.from(channelId));
    decipher.setAuthTag(Buffer.from(parts[4], 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(parts[3], 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError(`Does not decrypt with key ${key.id} (altered, or not this channel's).`);
  }
}

/** The id of the key a stored secret was encrypted with; null for a plain (not yet sealed) one. */
export function sealedWith(stored: string): string | null {
  if (stored.startsWith(PLAIN_PREFIX)) return null;
  return stored.split('.')[1] ?? null;
}
