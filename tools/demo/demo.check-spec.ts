// Runs `npm run demo` at its smallest scale with --exit on the infrastructure the test runs in
// (tools/infra ... with) and checks that the report's figures hang together.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

interface ReportJson {
  programs: {
    label: string;
    proposed: number;
    accepted: number;
    declined: number;
    rematched: number;
    responded: number;
    activated: number;
    pairs: number;
    run: { verified: boolean; summary: { matched: number } };
  }[];
  after: {
    kickoffsScheduled: number;
    noCommonSlot: number;
    meetingsScheduled: number;
    held: number;
    acceptToInvitation: number[];
    milestones: Record<string, number>;
  };
  emails: { mailbox: number; sentByService: number };
}

describe('npm run demo (smallest scale, --exit)', () => {
  it('plays the cycle and writes a consistent report', async () => {
    const out = join(root, 'tmp/demo-test/report.html');
    // Its own process group, so a timeout stops the demo and the services it started.
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        'tools/demo/demo.ts',
        '--scale',
        '0.01',
        '--exit',
        '--no-build',
        '--out',
        out,
        '--port-offset',
        process.env.DEMO_PORT_OFFSET ?? '2200',
      ],
      { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-(child.pid as number), 'SIGINT');
    }, 220_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    if (code !== 0 || timedOut)
      throw new Error(
        `the demo ${timedOut ? 'took too long' : `exited with ${code}`}:\n${stderr.slice(-3000)}`,
      );
    expect(stdout).toContain(`HTML report: ${out}`);
    expect(existsSync(out)).toBe(true);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    const report = JSON.parse(readFileSync(out.replace(/\.html$/, '.json'), 'utf8')) as ReportJson;
    for (const program of report.programs) {
      expect(program.run.verified).toBe(true);
      expect(program.run.summary.matched).toBeGreaterThan(0);
      expect(program.proposed).toBe(program.run.summary.matched);
      expect(program.pairs).toBe(program.run.summary.matched);
      expect(program.accepted).toBe(program.activated);
      expect(program.accepted + program.declined).toBe(program.responded + program.rematched);
    }
    const activated = report.programs.reduce((sum, p) => sum + p.activated, 0);
    expect(report.after.kickoffsScheduled + report.after.noCommonSlot).toBe(activated);
    expect(report.after.meetingsScheduled).toBeGreaterThanOrEqual(report.after.kickoffsScheduled);
    expect(report.after.held).toBeGreaterThan(0);
    // Each held kickoff is a milestone the timer's review announces.
    expect(Object.values(report.after.milestones).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(report.emails.mailbox).toBeGreaterThan(0);
    expect(report.emails.sentByService).toBeGreaterThan(0);
    expect(report.after.acceptToInvitation.length).toBeGreaterThan(0);
  }, 240_000);
});
