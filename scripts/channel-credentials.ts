/**
 * npm run channel:credentials -- <channel>
 *
 * Lists a channel's credentials — kind, the value's last characters, created, expires, last
 * used — never the values themselves (they are not stored in clear).
 */
import { openDatabase } from '../db/client';
import { formatCredentialList } from '../lib/channels/cli';
import { listChannelCredentials } from '../lib/channels/credentials';
import { isDomainError } from '../lib/errors';

const code = process.argv[2];
if (!code || process.argv.length > 3 || code.startsWith('-')) {
  console.error('Usage: npm run channel:credentials -- <channel>');
  process.exit(2);
}

const handle = await openDatabase();
try {
  console.log(formatCredentialList(code, await listChannelCredentials(handle.db, code)));
} catch (error) {
  if (!isDomainError(error)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
