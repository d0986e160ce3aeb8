/**
 * npm run channel:rotate -- <channel> [--overlap 24h] [--kind signing|read|both]
 *
 * Gives a channel new credentials (a signing secret for its deliveries, a read token for the read
 * API, or both) and lets the ones they replace expire after the overlap, so the channel can switch
 * without a refused request. The new values are printed here once and nowhere else: the database
 * keeps the secret encrypted and the token hashed. Running instances accept them at once.
 */
import { openDatabase } from '../db/client';
import { formatRotation, parseRotateArgs } from '../lib/channels/cli';
import { rotateChannelCredentials } from '../lib/channels/credentials';
import { isDomainError } from '../lib/errors';

const parsed = parseRotateArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(2);
}

const handle = await openDatabase();
try {
  const result = await rotateChannelCredentials(handle.db, parsed.args);
  console.log(formatRotation(result));
} catch (error) {
  if (!isDomainError(error)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
