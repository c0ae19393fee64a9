import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commandLine,
  isOurProcess,
  isRunning,
  spawnDetached,
  stopProcess,
} from './process-control';
import { waitUntil } from './wait-until';

describe('process control', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'infra-proc-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = (script: string, marker: string) =>
    spawnDetached({
      command: process.execPath,
      args: ['-e', script, marker],
      cwd: dir,
      logFile: join(dir, `${marker}.log`),
    });

  const untilLogged = (marker: string, text: string) =>
    waitUntil(
      `${marker} to log ${text}`,
      async () => {
        if (!readFileSync(join(dir, `${marker}.log`), 'utf8').includes(text))
          throw new Error('not yet');
      },
      { timeoutMs: 5_000, intervalMs: 20 },
    );

  const untilExited = (child: { exitReason(): string | null }) =>
    waitUntil(
      'exit',
      async () => {
        if (child.exitReason() === null) throw new Error('running');
      },
      { timeoutMs: 5_000, intervalMs: 20 },
    );

  it('starts a detached process with output in its log, and stops it with SIGTERM', async () => {
    const child = start("console.log('hello'); setInterval(() => {}, 1000)", 'marker-term');
    await untilLogged('marker-term', 'hello');
    expect(isRunning(child.pid)).toBe(true);
    expect(commandLine(child.pid)).toContain('marker-term');
    expect(isOurProcess(child.pid, 'marker-term')).toBe(true);
    expect(await stopProcess(child.pid, 'marker-term', 5_000)).toBe('stopped');
    expect(isRunning(child.pid)).toBe(false);
    expect(await stopProcess(child.pid, 'marker-term', 5_000)).toBe('not-running');
  });

  it("gives the process its spec's environment on top of the CLI's own", async () => {
    const child = spawnDetached(
      {
        command: process.execPath,
        args: [
          '-e',
          'console.log(`${process.env.SPEC_ONLY}/${process.env.BOTH}/${process.env.CLI_ONLY}`)',
          'marker-env',
        ],
        cwd: dir,
        logFile: join(dir, 'marker-env.log'),
        env: { SPEC_ONLY: 'spec', BOTH: 'from-spec' },
      },
      { ...process.env, BOTH: 'from-cli', CLI_ONLY: 'cli' },
    );
    await untilExited(child);
    // Node may add warnings of its own (e.g. NO_COLOR beside FORCE_COLOR in CI) on stderr.
    expect(readFileSync(join(dir, 'marker-env.log'), 'utf8').split('\n')).toContain(
      'spec/from-spec/cli',
    );
  });

  it('escalates to SIGKILL when SIGTERM is ignored', async () => {
    const child = start(
      "process.on('SIGTERM', () => {}); console.log('armed'); setInterval(() => {}, 1000)",
      'marker-stubborn',
    );
    await untilLogged('marker-stubborn', 'armed');
    expect(await stopProcess(child.pid, 'marker-stubborn', 300)).toBe('killed');
    expect(isRunning(child.pid)).toBe(false);
  });

  it('leaves a process alone whose command line lacks the marker', async () => {
    const child = start('setInterval(() => {}, 1000)', 'marker-other');
    try {
      expect(await stopProcess(child.pid, 'something-else', 1_000)).toBe('not-ours');
      expect(isRunning(child.pid)).toBe(true);
    } finally {
      await stopProcess(child.pid, 'marker-other', 5_000);
    }
  });

  it('reports how a process ended while this process watches it', async () => {
    const child = start('process.exit(3)', 'marker-exit');
    await untilExited(child);
    expect(child.exitReason()).toBe('exited with code 3');
  });
});
