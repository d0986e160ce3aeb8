/**
 * npm run channel:reencrypt
 *
 * After changing COMPTOIR_SECRET_KEY (the old key in COMPTOIR_SECRET_KEY_PREVIOUS on every
 * instance), encrypts every channel signing secret with the new key; then the old key can be
 * removed. Secrets that no configured key opens are listed and left as they are (exit code 1).
 */
import { openDatabase } from '../db/client';
import { sealSigningSecrets } from '../lib/channels/credentials';
import { secretKeys } from '../lib/channels/keys';

const keys = secretKeys();
const handle = await openDatabase();
try {
  const result = await sealSigningSecrets(handle.db, { keys, reencrypt: true });
  console.log(
    `Key ${keys.current.id} (${keys.source}): ${result.reencrypted} secret(s) re-encrypted, ${result.sealed} plain one(s) encrypted.`,
  );
  for (const u of result.unreadable) console.error(`  credential ${u.id}: ${u.reason}`);
  if (result.unreadable.length) process.exitCode = 1;
} finally {
  await handle.close();
}
