/**
 * Deactivates a staff account in the database named by the environment: it can no longer sign
 * in, and every session it holds ends at its next request.
 *
 *   npm run user:deactivate -- --email julien@example.com
 */
import { openDatabase } from '../db/client';
import { deactivateStaffUser } from '../lib/auth/deactivate-staff-user';
import { isDomainError } from '../lib/errors';

const USAGE = 'Usage: npm run user:deactivate -- --email EMAIL';

const argv = process.argv.slice(2);
let email = '';
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--email') email = argv[++i] ?? '';
  else if (argv[i].startsWith('--email=')) email = argv[i].slice('--email='.length);
  else if (argv[i] === '--help' || argv[i] === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else {
    console.error(`Unknown argument "${argv[i]}".\n${USAGE}`);
    process.exit(2);
  }
}
if (!email) {
  console.error(`--email is required.\n${USAGE}`);
  process.exit(2);
}

const handle = await openDatabase();
try {
  const result = await deactivateStaffUser(handle.db, email);
  console.log(
    result.alreadyInactive
      ? `${email} was already deactivated; any session left is ended.`
      : `Deactivated ${email}; their sessions are ended.`,
  );
  if (result.activeOwnersLeft === 0)
    console.log('No active owner is left: create one with npm run user:create -- … --role owner.');
} catch (error) {
  if (!isDomainError(error)) throw error;
  console.error(`Not deactivated: ${error.message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
