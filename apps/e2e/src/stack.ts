import { join } from 'node:path';
import { generateDevKeyPair, signDevToken, type DevKeyPair, type Role } from '@medmentor/auth';
import {
  kafkaBrokers,
  mongoUri,
  ServiceProcess,
  SERVICES,
  uniqueName,
  type ServiceName,
} from '@medmentor/testing';

const ISSUER = 'medmentor-e2e';

/**
 * Added to each service's default port (3001..3004): 100 unless `E2E_PORT_OFFSET` says
 * otherwise, so several e2e runs on one machine can use separate ports.
 */
export const e2ePortOffset = (env: NodeJS.ProcessEnv = process.env): number => {
  const raw = env['E2E_PORT_OFFSET'];
  if (raw === undefined || raw.trim() === '') return 100;
  const offset = Number(raw);
  if (!Number.isInteger(offset) || offset < 0 || offset > 60_000)
    throw new Error(`E2E_PORT_OFFSET must be an integer from 0 to 60000, got ${raw}`);
  return offset;
};
const AUDIENCE = 'medmentor-api';

/** The four services as separate processes on the real broker and database. */
export class Stack {
  readonly services: Record<ServiceName, ServiceProcess>;
  private readonly keys: Promise<DevKeyPair>;
  private publicKey = '';
  /** The variables each service was started with, kept across restarts. */
  private readonly env: Partial<Record<ServiceName, Record<string, string>>> = {};

  constructor(readonly runId = uniqueName('e2e')) {
    this.keys = generateDevKeyPair();
    this.services = {} as Record<ServiceName, ServiceProcess>;
  }

  /**
   * Starts the services (all four unless `names` picks some) and waits until they are ready;
   * `env` adds or overrides variables per service.
   */
  async start(
    names: ServiceName[] = Object.keys(SERVICES) as ServiceName[],
    env: Partial<Record<ServiceName, Record<string, string>>> = {},
  ): Promise<void> {
    this.publicKey = (await this.keys).publicKeyPem;
    for (const name of names) this.spawn(name, env[name] ?? {});
    await Promise.all(names.map((name) => this.services[name].waitReady()));
  }

  /**
   * Stops one service (SIGTERM) and starts it again on the same database, with `env` added to
   * the variables it had.
   */
  async restart(name: ServiceName, env: Record<string, string> = {}): Promise<void> {
    await this.services[name].stop();
    this.spawn(name, { ...this.env[name], ...env });
    await this.services[name].waitReady();
  }

  private spawn(name: ServiceName, env: Record<string, string>): void {
    this.env[name] = env;
    const service = new ServiceProcess({
      name,
      port: SERVICES[name] + e2ePortOffset(),
      logDir: this.logDir,
      env: {
        MONGODB_URI: mongoUri(),
        MONGODB_DATABASE: this.databaseOf(name),
        KAFKA_BROKERS: kafkaBrokers().join(','),
        AUTH_PUBLIC_KEY: this.publicKey,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
        LOG_LEVEL: 'info',
        OUTBOX_POLL_INTERVAL_MS: '100',
        // Suites post webhooks to local receivers and names this sandbox cannot resolve.
        ...(name === 'notifications' && { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }),
        ...env,
      },
    });
    this.services[name] = service;
    service.start();
  }

  async token(tenantId: string, roles: [Role, ...Role[]], subject = 'e2e-user'): Promise<string> {
    const { privateKeyPem: privateKey } = await this.keys;
    return signDevToken(
      privateKey,
      { subject, tenantId, roles },
      { issuer: ISSUER, audience: AUDIENCE, expiresIn: '1h' },
    );
  }

  /** A token of a physician: the physician claim links it to their profile. */
  async physicianToken(
    tenantId: string,
    physicianId: string,
    roles: [Role, ...Role[]] = ['mentee'],
  ): Promise<string> {
    const { privateKeyPem: privateKey } = await this.keys;
    return signDevToken(
      privateKey,
      { subject: `e2e-${physicianId}`, tenantId, roles, physicianId },
      { issuer: ISSUER, audience: AUDIENCE, expiresIn: '1h' },
    );
  }

  /** A platform admin's token, with no tenant (tenant registration). */
  async platformAdminToken(): Promise<string> {
    const { privateKeyPem: privateKey } = await this.keys;
    return signDevToken(
      privateKey,
      { subject: 'e2e-platform', roles: ['platform-admin'] },
      { issuer: ISSUER, audience: AUDIENCE, expiresIn: '1h' },
    );
  }

  /** A token with any claims (a physician id included), signed by this stack's key. */
  async tokenWith(claims: {
    tenantId?: string;
    roles: [Role, ...Role[]];
    subject?: string;
    physicianId?: string;
  }): Promise<string> {
    const { privateKeyPem: privateKey } = await this.keys;
    return signDevToken(
      privateKey,
      {
        subject: claims.subject ?? 'e2e-user',
        tenantId: claims.tenantId,
        roles: claims.roles,
        physicianId: claims.physicianId,
      },
      { issuer: ISSUER, audience: AUDIENCE, expiresIn: '1h' },
    );
  }

  /** The database a service of this stack writes to. */
  databaseOf(name: ServiceName): string {
    return `${this.runId}_${name}`.replace(/-/g, '_');
  }

  /** The folder holding each service's log file. */
  get logDir(): string {
    return join(__dirname, '../../../tmp/e2e-logs', this.runId);
  }

  async stop(): Promise<Record<ServiceName, number | null>> {
    const names = Object.keys(this.services) as ServiceName[];
    const codes = await Promise.all(names.map((name) => this.services[name].stop()));
    return Object.fromEntries(names.map((name, i) => [name, codes[i]])) as Record<
      ServiceName,
      number | null
    >;
  }

  async kill(): Promise<void> {
    await Promise.all(Object.values(this.services).map((service) => service.kill()));
  }
}

export const api = async (
  url: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; contentType: string; body: Record<string, unknown> }> => {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
};
