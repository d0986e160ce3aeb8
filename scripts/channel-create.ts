/**
 * npm run channel:create -- <code> --name "Name" --kind web|marketplace|pos|phone [--split-shipments] [--backorders]
 *
 * Creates a sales channel with its first signing secret (for its order deliveries) and read token
 * (for the read API), printed here once and nowhere else: the database keeps the secret encrypted
 * and the token hashed. A real install has no channel until one is created this way (the demo seed
 * creates its own); back-office phone orders go to the channel whose code is "phone".
 */
import { openDatabase } from '../db/client';
import { formatCreatedChannel, parseCreateArgs } from '../lib/channels/cli';
import { createChannel, parseCreateChannelInput } from '../lib/channels/create-channel';
import { isDomainError } from '../lib/errors';

const parsed = parseCreateArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(2);
}
try {
  parseCreateChannelInput(parsed.args);
} catch (error) {
  if (!isDomainError(error)) throw error;
  console.error(error.message);
  process.exit(2);
}

const handle = await openDatabase();
try {
  const result = await createChannel(handle.db, parsed.args);
  console.log(formatCreatedChannel(result));
} catch (error) {
  if (!isDomainError(error)) throw error;
  console.error(error.message);
  process.exitCode = error.code === 'validation_failed' ? 2 : 1;
} finally {
  await handle.close();
}
