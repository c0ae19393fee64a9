import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock } from './lock-file';

describe('acquireLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'infra-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates and releases the lock file', async () => {
    const file = join(dir, 'infra.lock');
    const release = await acquireLock(file);
    expect(existsSync(file)).toBe(true);
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const file = join(dir, 'infra.lock');
    writeFileSync(file, '999999999');
    const release = await acquireLock(file, 1_000);
    release();
  });

  it('waits for a live holder and gives up after the timeout', async () => {
    const file = join(dir, 'infra.lock');
    writeFileSync(file, String(process.ppid));
    const waitedFor: number[] = [];
    await expect(acquireLock(file, 300, (pid) => waitedFor.push(pid))).rejects.toThrow(/holds/);
    expect(waitedFor).toEqual([process.ppid]);
  });
});
