// The four built services as processes of one chaos run, each killable and restartable.
import { join } from 'node:path';
import type { ServiceName } from '@medmentor/contracts';
import { generateDevKeyPair } from '@medmentor/auth';
import { kafkaBrokers, mongoUri, ServiceProcess } from '@medmentor/testing';
import { CHAOS_SERVICES } from './chaos-plan';

const root = join(__dirname, '../..');

export class ChaosStack {
  readonly services = {} as Record<ServiceName, ServiceProcess>;

  private constructor(
    readonly run: string,
    basePort: number,
    publicKeyPem: string,
  ) {
    const extra: Record<ServiceName, Record<string, string>> = {
      profiles: {},
      matching: {},
      // Check-ins two weeks ahead only (the minimum): the program's cadence is quarterly, so
      // each match gets its kickoff and a series with no check-in inside the horizon yet, and
      // the emails per match stay four (activation and kickoff invitation, both sides).
      scheduling: { SCHEDULING_HORIZON_DAYS: '14' },
      notifications: {
        SMTP_URL: process.env['SMTP_URL'] ?? 'smtp://127.0.0.1:2525',
        NOTIFICATIONS_UNSUBSCRIBE_SECRET: 'chaos-unsubscribe-secret-0123456789abcdef',
      },
    };
    CHAOS_SERVICES.forEach((name, i) => {
      this.services[name] = new ServiceProcess({
        name,
        port: basePort + i,
        logDir: join(root, 'tmp/chaos-logs', run),
        env: {
          MONGODB_URI: mongoUri(),
          MONGODB_DATABASE: this.databaseOf(name),
          KAFKA_BROKERS: kafkaBrokers().join(','),
          KAFKA_GROUP_ID: this.groupOf(name),
          AUTH_PUBLIC_KEY: publicKeyPem,
          AUTH_ISSUER: 'medmentor-chaos',
          AUTH_AUDIENCE: 'medmentor-api',
          LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
          OUTBOX_POLL_INTERVAL_MS: '100',
          // A SIGKILLed member keeps its partitions until its session times out: the minimum
          // the services accept, so a killed consumer's partitions move on within seconds.
          CONSUMER_SESSION_TIMEOUT_MS: '6000',
          ...extra[name],
        },
      });
    });
  }

  static async create(run: string, basePort: number): Promise<ChaosStack> {
    const keys = await generateDevKeyPair();
    return new ChaosStack(run, basePort, keys.publicKeyPem);
  }

  databaseOf(name: ServiceName): string {
    return `${this.run}_${name}`.replace(/-/g, '_');
  }

  groupOf(name: ServiceName): string {
    return `${this.run}-${name}`;
  }

  get logDir(): string {
    return this.services.profiles.options.logDir;
  }

  async start(): Promise<void> {
    for (const service of Object.values(this.services)) service.start();
    await Promise.all(Object.values(this.services).map((service) => service.waitReady(180_000)));
  }

  /** SIGKILL, a pause, then the same process again (same database, group and port). */
  async killAndRestart(name: ServiceName, downMs: number): Promise<void> {
    const service = this.services[name];
    await service.kill();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    service.start();
    await service.waitReady(180_000);
  }

  async ready(): Promise<Record<ServiceName, number>> {
    const entries = await Promise.all(
      CHAOS_SERVICES.map(async (name) => {
        const status = await this.services[name]
          .health('ready')
          .then((h) => h.status)
          .catch(() => 0);
        return [name, status] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<ServiceName, number>;
  }

  /** SIGTERM each; true when every one shut down cleanly. */
  async stop(): Promise<boolean> {
    const codes = await Promise.all(Object.values(this.services).map((s) => s.stop()));
    return codes.every((code) => code === 0 || code === null);
  }
}
