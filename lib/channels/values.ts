import { createHash, randomBytes } from 'node:crypto';

export type CredentialKind = 'signing' | 'read';
export const CREDENTIAL_KINDS: readonly CredentialKind[] = ['signing', 'read'];

const PREFIX: Record<CredentialKind, string> = { signing: 'cps_', read: 'cpr_' };

/** A new random value: 256 bits, prefixed so a leaked one is recognisable (cps_ signs, cpr_ reads). */
export function generateCredentialValue(kind: CredentialKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** What the table keeps of a read token: its SHA-256, hex. */
export function hashReadToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The last 4 characters, to tell credentials apart; nothing for values too short to spare them. */
export function hintOf(value: string): string {
  return value.length >= 12 ? value.slice(-4) : '';
}
