import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentDriver, DriverContext, Provisioned } from '../core/component-driver';
import { ENV_VARS } from '../core/env-overrides';
import { freshDir } from '../core/fresh-dir';
import { DEFAULT_MONGO_POOL_SIZE, type InfraConfig } from '../core/infra-config';
import { ensureFerretdb, ferretdbBinary } from './ferretdb-build';
import { probeMongo } from './mongo-probe';

/**
 * The URI clients get: `maxPoolSize` connections per client process (INFRA_MONGO_POOL_SIZE,
 * default 4; see the README's "FerretDB write lock" for why a larger pool is safe and what it
 * measured).
 */
export function mongoUri(port: number, poolSize = DEFAULT_MONGO_POOL_SIZE): string {
  return `mongodb://127.0.0.1:${port}/?directConnection=true&maxPoolSize=${poolSize}`;
}

export function ferretdbArgs(options: {
  port: number;
  sqliteDir: string;
  stateDir: string;
  /**
   * Where FerretDB serves its debug handler (`/debug/pprof`, `/debug/metrics`): a loopback
   * `host:port` from INFRA_FERRETDB_DEBUG_ADDR, for profiling the server under a benchmark.
   * Off by default.
   */
  debugAddr?: string;
}): string[] {
  return [
    '--handler=sqlite',
    // WAL (FerretDB's default) with synchronous=NORMAL: a commit survives the server process
    // being killed, only not a power loss (fine for a test server), and no fsync per write.
    `--sqlite-url=file:${options.sqliteDir}/?_pragma=synchronous(normal)`,
    `--listen-addr=127.0.0.1:${options.port}`,
    `--state-dir=${options.stateDir}`,
    '--telemetry=disable',
    `--debug-addr=${options.debugAddr ?? '-'}`,
    '--log-level=warn',
  ];
}

/**
 * Go's collector runs FerretDB's garbage collection less often: it allocates heavily while
 * decoding its JSON storage, and with the default (GOGC=100) a seventh of its CPU went to
 * collecting, measured on a mixed insert/find/update load (`tools/infra/README.md`). The heap
 * may grow about four times larger, capped softly at 2 GiB. A GOGC or GOMEMLIMIT already in
 * the environment wins.
 */
/** INFRA_FERRETDB_DEBUG_ADDR, checked: only a loopback `host:port` (the handler has no auth). */
export function ferretdbDebugAddr(
  environment: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const value = environment['INFRA_FERRETDB_DEBUG_ADDR']?.trim();
  if (value === undefined || value === '') return undefined;
  if (!/^(127\.0\.0\.1|localhost):\d{1,5}$/.test(value))
    throw new Error(
      `INFRA_FERRETDB_DEBUG_ADDR=${JSON.stringify(value)} is not a loopback host:port (127.0.0.1:8088)`,
    );
  return value;
}

export function ferretdbEnv(environment: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    GOGC: environment['GOGC'] ?? '400',
    GOMEMLIMIT: environment['GOMEMLIMIT'] ?? '2GiB',
  };
}

export const mongoDriver: ComponentDriver = {
  name: 'mongo',
  title: 'FerretDB',
  portEnvVars: { mongo: 'INFRA_MONGO_PORT' },
  readyTimeoutMs: 30_000,
  stopTimeoutMs: 10_000,

  prepare: ensureFerretdb,

  portSettings(config: InfraConfig) {
    return [config.ports.mongo];
  },

  async provision(ctx: DriverContext): Promise<Provisioned> {
    const { config } = ctx;
    const dataDir = freshDir(join(config.cacheDir, 'ferretdb', 'data'));
    const sqliteDir = join(dataDir, 'sqlite');
    const stateDir = join(dataDir, 'state');
    mkdirSync(sqliteDir, { recursive: true });
    mkdirSync(stateDir, { recursive: true });
    const port = config.ports.mongo.port;
    const binary = ferretdbBinary(config.cacheDir);
    const logFile = join(dataDir, 'ferretdb.log');
    return {
      spec: {
        command: binary,
        args: ferretdbArgs({ port, sqliteDir, stateDir, debugAddr: ferretdbDebugAddr() }),
        cwd: dataDir,
        logFile,
        env: ferretdbEnv(),
      },
      marker: stateDir,
      env: { [ENV_VARS.mongo]: mongoUri(port, config.mongoPoolSize) },
      ports: { mongo: port },
      dataDir,
      logFiles: [logFile],
      setupMs: 0,
    };
  },

  async probe(env, options) {
    await probeMongo(env[ENV_VARS.mongo] ?? '', { roundTrip: options.deep });
  },

  externalEnv(value) {
    return { [ENV_VARS.mongo]: value };
  },

  describe(env) {
    return `${ENV_VARS.mongo}=${env[ENV_VARS.mongo] ?? '?'}`;
  },
};
