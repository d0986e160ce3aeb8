import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCK_FILE, DataDirInUse, openPglite } from './client';

// Two processes on one embedded data folder: the second is refused while the first lives.
const root = mkdtempSync(path.join(tmpdir(), 'comptoir-lock-'));
const holderScript = path.join(root, 'hold.mts');
writeFileSync(
  holderScript,
  `import { openPglite } from ${JSON.stringify(path.resolve('db/client.ts'))};
const handle = await openPglite(process.argv[2]);
await handle.db.execute('select 1');
console.log('ready');
process.stdin.on('data', async () => { await handle.close(); console.log('closed'); process.exit(0); });
`,
);

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Starts a process that opens `dataDir` and holds it until told (stdin) or killed. */
function holdInChild(dataDir: string): Promise<ChildProcess> {
  // node itself (tsx as a loader), so that the child's pid is the one that holds the folder.
  const proc = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child = proc;
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(proc);
    });
    proc.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
  });
}

const lockFile = (dataDir: string) => path.join(dataDir, DATA_DIR_LOCK_FILE);
const exited = (proc: ChildProcess) =>
  new Promise<void>((resolve) => (proc.exitCode !== null ? resolve() : proc.once('exit', () => resolve())));

describe('embedded data folder lock', () => {
  it('refuses a second process while the first holds the folder, and lets it in once the first closes', async () => {
    const dataDir = path.join(root, 'shared');
    const holder = await holdInChild(dataDir);
    expect(JSON.parse(readFileSync(lockFile(dataDir), 'utf8')).pid).toBe(holder.pid);

    const refused = await openPglite(dataDir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirInUse);
    expect((refused as Error).message).toContain(`in use by another process (pid ${holder.pid})`);

    holder.stdin!.write('close\n');
    await exited(holder);
    expect(existsSync(lockFile(dataDir))).toBe(false);
    const handle = await openPglite(dataDir);
    expect((await handle.db.execute<{ one: number }>('select 1 as one')).rows[0].one).toBe(1);
    await handle.close();
    expect(existsSync(lockFile(dataDir))).toBe(false);
  });

  it("takes over the lock of a process that crashed, and keeps the crashed process's data", async () => {
    const dataDir = path.join(root, 'crashed');
    const holder = await holdInChild(dataDir);
    holder.kill('SIGKILL');
    await exited(holder);
    expect(existsSync(lockFile(dataDir))).toBe(true);

    const handle = await openPglite(dataDir);
    expect(JSON.parse(readFileSync(lockFile(dataDir), 'utf8')).pid).toBe(process.pid);
    expect((await handle.db.execute<{ one: number }>('select 1 as one')).rows[0].one).toBe(1);
    await handle.close();
  });

  it('refuses to open the same folder twice in one process', async () => {
    const dataDir = path.join(root, 'twice');
    const first = await openPglite(dataDir);
    await expect(openPglite(dataDir)).rejects.toThrow(/already open in this process/);
    await first.close();
  });
});
