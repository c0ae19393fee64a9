/**
 * The real profiles service for the profiles benchmarks: built (`npm run build`, dist/) and
 * started as its own process on the Kafka and MongoDB-wire servers of tools/infra.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { generateDevKeyPair, signDevToken, type Role } from '@medmentor/auth';
import { ServiceProcess } from '@medmentor/testing';

const root = join(__dirname, '../..');
const ISSUER = 'medmentor-bench';
const AUDIENCE = 'medmentor-api';

const flag = (name: string): boolean => process.argv.includes(name);

/** The value after `--name` on the command line, or the fallback. */
export const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
};

/**
 * Without KAFKA_BROKERS and MONGODB_URI, runs this very script again inside
 * `tools/infra with` (which starts the servers and stops them afterwards) and exits with its code.
 */
export const ensureInfra = (): void => {
  if (process.env['KAFKA_BROKERS'] && process.env['MONGODB_URI']) return;
  const tsx = join(root, 'node_modules/.bin/tsx');
  const script = process.argv[1];
  const result = spawnSync(
    tsx,
    ['tools/infra/src/cli.ts', 'with', '--', tsx, script, ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
};

/**
 * `--dist DIR`: run the services built into DIR (`npm run build` in another checkout, say a
 * baseline for an A/B run) instead of this checkout's dist/.
 */
export const distDir = (): string | undefined => {
  const at = process.argv.indexOf('--dist');
  return at >= 0 ? resolve(process.argv[at + 1]) : undefined;
};

/** Builds dist/ when it has no profiles service yet, or always with `--build`; not with `--dist`. */
export const ensureBuilt = (): void => {
  if (distDir() !== undefined) return;
  if (!flag('--build') && existsSync(join(root, 'dist/apps/profiles/src/main.js'))) return;
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
};

export interface BenchProfiles {
  readonly url: string;
  readonly database: string;
  readonly tenantId: string;
  token(roles: Role[], tenantId?: string): Promise<string>;
  call<T>(method: string, path: string, token: string, body?: unknown, type?: string): Promise<T>;
  stop(): Promise<void>;
}

/** Starts profiles on `port` with a fresh database and registers one tenant. */
export const startProfiles = async (port: number): Promise<BenchProfiles> => {
  const keys = await generateDevKeyPair();
  const database = `bench_profiles_${Date.now()}`;
  const service = new ServiceProcess({
    name: 'profiles',
    port,
    logDir: join(root, 'tmp/bench-logs', database),
    distDir: distDir(),
    env: {
      MONGODB_URI: process.env['MONGODB_URI']!,
      MONGODB_DATABASE: database,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS']!,
      AUTH_PUBLIC_KEY: keys.publicKeyPem,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      // One client sends every request of a load run: the per-client limit would answer 429.
      HTTP_RATE_LIMIT_MAX: '0',
      ...(process.env['LOG_LEVEL'] && { LOG_LEVEL: process.env['LOG_LEVEL'] }),
    },
  });
  service.start();
  await service.waitReady();
  const token = (roles: Role[], tenantId?: string) =>
    signDevToken(
      keys.privateKeyPem,
      { subject: `bench-${roles.join('+')}`, roles, ...(tenantId !== undefined && { tenantId }) },
      { issuer: ISSUER, audience: AUDIENCE, expiresIn: '2h' },
    );
  const call = async <T>(
    method: string,
    path: string,
    bearer: string,
    body?: unknown,
    type = 'application/json',
  ): Promise<T> => {
    const send = () =>
      fetch(`${service.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body !== undefined && { 'content-type': type }),
        },
        ...(body !== undefined && {
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      });
    // A poll may meet a keep-alive socket the server is closing: a GET is safe to send again.
    const response = await send().catch((error: unknown) => {
      if (method !== 'GET') throw error;
      return send();
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const tenantId = `bench-${Date.now()}`;
  await call('POST', '/api/v1/tenants', await token(['platform-admin']), {
    id: tenantId,
    name: 'Benchmark society',
    slug: tenantId,
    kind: 'specialty-society',
  });
  return {
    url: service.url,
    database,
    tenantId,
    token,
    call,
    stop: async () => {
      await service.stop();
      const client = await new MongoClient(process.env['MONGODB_URI']!).connect();
      await client.db(database).dropDatabase();
      await client.close();
    },
  };
};
