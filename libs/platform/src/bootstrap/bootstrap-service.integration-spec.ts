import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

// Runs testing/tiny-service.main.ts as a real process (through tsx) to observe what only a
// process shows: signal handling, the shutdown sequence, log lines and exit codes.
const MONGODB_URI = process.env['MONGODB_URI'];
if (MONGODB_URI === undefined || MONGODB_URI.trim() === '') {
  throw new Error(
    'MONGODB_URI is not set: the bootstrap integration tests need a MongoDB-wire server',
  );
}

const workspaceRoot = join(__dirname, '../../../..');
const entry = join(__dirname, '../testing/tiny-service.main.ts');

interface Service {
  readonly child: ChildProcess;
  readonly port: number;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
  readonly lines: () => Record<string, unknown>[];
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function start(env: Record<string, string> = {}): Promise<Service> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: workspaceRoot,
    env: {
      PATH: process.env['PATH'] ?? '',
      TSX_TSCONFIG_PATH: join(workspaceRoot, 'libs/platform/tsconfig.json'),
      MONGODB_URI: MONGODB_URI ?? '',
      MONGODB_DATABASE: `platform_boot_it_${process.pid}`,
      KAFKA_BROKERS: '127.0.0.1:9092',
      AUTH_JWKS_URL: 'http://127.0.0.1/jwks',
      AUTH_ISSUER: 'medmentor-test',
      AUTH_AUDIENCE: 'medmentor-api',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = () =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, port, stdout: () => stdout, stderr: () => stderr, exited, lines };
}

async function get(service: Service, path: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${service.port}${path}`);
  await res.arrayBuffer();
  return res.status;
}

/** Polls until the service answers ready, or fails with its output after the deadline. */
async function waitUntilReady(service: Service, deadlineMs = 60_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) break;
    try {
      if ((await get(service, '/health/ready')) === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  service.child.kill('SIGKILL');
  throw new Error(`service did not become ready:\n${service.stdout()}\n${service.stderr()}`);
}

const messages = (service: Service) => service.lines().map((line) => String(line['msg']));

describe('bootstrapService in a real process', () => {
  it('drains on SIGTERM, runs the shutdown hooks in order and exits 0', async () => {
    const service = await start({ SHUTDOWN_DRAIN_DELAY_MS: '500' });
    await waitUntilReady(service);
    expect(await get(service, '/docs/openapi.json')).toBe(200);

    service.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await get(service, '/health/ready')).toBe(503);
    expect(await get(service, '/health/live')).toBe(200);
    service.child.kill('SIGINT');

    expect(await service.exited).toBe(0);
    const log = messages(service);
    const order = [
      'Received SIGTERM: draining for 500 ms, then closing',
      'Received SIGINT while shutting down; ignoring it',
      'hook onModuleDestroy draining=true',
      'hook beforeApplicationShutdown SIGTERM',
      'transport closed',
      'hook onApplicationShutdown SIGTERM',
    ];
    expect(log.filter((msg) => order.includes(msg))).toEqual(order);
    // Written by another logger instance, so its place among the lines above may vary.
    expect(log).toContain('Shutdown complete');
    expect(log).toContain(`tiny listening on http://127.0.0.1:${service.port}`);
    expect(service.lines().every((line) => line['service'] === 'tiny')).toBe(true);
  });

  it('exits 1 when shutdown outlasts SHUTDOWN_TIMEOUT_MS', async () => {
    const service = await start({ SHUTDOWN_TIMEOUT_MS: '1000', TINY_HANG_ON_SHUTDOWN: '1' });
    await waitUntilReady(service);
    const started = Date.now();
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(messages(service)).toContain('Shutdown did not finish within 1000 ms; exiting with 1');
  });

  it('logs an uncaught exception as fatal and exits 1', async () => {
    const service = await start();
    await waitUntilReady(service);
    expect(await get(service, '/tiny/crash')).toBe(200);
    expect(await service.exited).toBe(1);
    const fatal = service.lines().find((line) => line['level'] === 'fatal');
    expect(fatal).toMatchObject({ service: 'tiny', msg: 'Uncaught exception; exiting' });
    expect(JSON.stringify(fatal)).toContain('crashed outside any request');
  });

  it('refuses to start with bad configuration, naming every variable', async () => {
    const service = await start({ PORT: 'eighty', KAFKA_BROKERS: '' });
    expect(await service.exited).toBe(1);
    expect(service.stderr()).toContain(
      'Invalid configuration for tiny: 2 problems in environment variables',
    );
    expect(service.stderr()).toContain('  - KAFKA_BROKERS is required but not set');
    expect(service.stderr()).toContain('  - PORT must be an integer between 1 and 65535');
  });
});
