import { randomBytes } from 'node:crypto';

/** A variable the integration and e2e suites need; fails loudly instead of skipping. */
export const requireEnv = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(
      `${name} is not set. Run the suite through the infrastructure tool: ` +
        '`npx tsx tools/infra/src/cli.ts with -- <command>` (or `npm test`).',
    );
  }
  return value;
};

export const kafkaBrokers = (): string[] => requireEnv('KAFKA_BROKERS').split(',');

export const mongoUri = (): string => requireEnv('MONGODB_URI');

/**
 * `uri` with `maxPoolSize=1` unless it names a pool size already (tools/infra's does): one
 * connection per process, for a server whose updates are atomic only on one connection
 * (FerretDB without tools/infra's write lock).
 */
export const singleConnectionUri = (uri: string): string =>
  /[?&]maxPoolSize=/.test(uri) ? uri : `${uri}${uri.includes('?') ? '&' : '?'}maxPoolSize=1`;

/** A name unique to this run, for databases, topics and consumer groups. */
export const uniqueName = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
