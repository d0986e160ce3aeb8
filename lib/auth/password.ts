import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum recommendation.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Used when the email is unknown, so both paths cost one argon2 verification.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$FZX08Q35L7C+vNfPFsf3+A$lIfJvZHb3YLW6sq5xvBgq7U6Pfpp13RafrsbAofPH9E';

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}
