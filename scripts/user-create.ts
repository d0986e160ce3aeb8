/**
 * Creates a staff account in the database named by the environment (DATABASE_URL → PostgreSQL,
 * else the embedded PGlite folder) — the first owner of a real install, for instance:
 *
 *   npm run user:create -- --email claire@example.com --name "Claire Moreau" --role owner
 *   npm run user:create -- --email julien@example.com --name "Julien Petit" --role manager --location PAR --location LYS
 *
 * The password is typed twice without echo when stdin is a terminal; with --generate (or when
 * stdin is not a terminal) a random one is generated and printed once.
 */
import { migrateDatabase, openDatabase } from '../db/client';
import { createStaffUser, ZCreateStaffUserInput } from '../lib/auth/create-staff-user';
import { generatePassword, MIN_PASSWORD_LENGTH } from '../lib/auth/password';
import { isDomainError } from '../lib/errors';

const USAGE =
  'Usage: npm run user:create -- --email EMAIL --name NAME --role owner|manager|agent [--location CODE …] [--generate]';

type Args = { email: string; name: string; role: string; locationCodes: string[]; generate: boolean };

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { email: '', name: '', role: '', locationCodes: [], generate: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith('--') && argv[i].includes('=')
        ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)]
        : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) fail(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--email') args.email = value();
    else if (flag === '--name') args.name = value();
    else if (flag === '--role') args.role = value();
    else if (flag === '--location') args.locationCodes.push(...value().split(','));
    else if (flag === '--generate') args.generate = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`Unknown argument "${argv[i]}".`);
  }
  if (!args.email || !args.name || !args.role) fail('--email, --name and --role are required.');
  return args;
}

/** Reads one line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    // Raw mode before the prompt: keys typed as soon as it shows are not echoed by the terminal.
    stdin.setRawMode(true);
    process.stdout.write(prompt);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function askPassword(): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = await readHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
    if (first.length < MIN_PASSWORD_LENGTH) {
      console.error(`Too short: at least ${MIN_PASSWORD_LENGTH} characters.`);
      continue;
    }
    const second = await readHidden('Same password again: ');
    if (first === second) return first;
    console.error('The two passwords differ.');
  }
  console.error('No password set; nothing was created.');
  process.exit(1);
}

const args = parseArgs(process.argv.slice(2));
// Say what is wrong with the arguments before asking for a password (locations are checked in the database).
const precheck = ZCreateStaffUserInput.safeParse({ ...args, password: 'x'.repeat(MIN_PASSWORD_LENGTH) });
if (!precheck.success)
  fail(precheck.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n'));
const generated = args.generate || !process.stdin.isTTY;
const password = generated ? generatePassword() : await askPassword();

const handle = await openDatabase();
try {
  await migrateDatabase(handle);
  const user = await createStaffUser(handle.db, { ...args, role: args.role as 'owner', password });
  console.log(
    `Created ${args.role} ${user.email}${args.locationCodes.length ? ` (${args.locationCodes.join(', ').toUpperCase()})` : ''}.`,
  );
  if (generated) {
    // Printed once, here only: it is stored hashed.
    console.log(`Password: ${password}`);
    console.log('Keep it somewhere safe now: it is not shown again.');
  }
} catch (error) {
  if (!isDomainError(error)) throw error;
  console.error(`Not created: ${error.message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
