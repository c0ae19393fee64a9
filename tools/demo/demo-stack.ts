// The four built services as processes, configured as `npm start` configures them (the dev
// key pair under .cache/auth, so tokens from tools/auth/mint-token.ts work too), on the
// default ports plus an offset, with the settings a compressed program cycle needs.
import { dirname, join } from 'node:path';
import { signDevToken, type Role } from '@medmentor/auth';
import {
  kafkaBrokers,
  mongoUri,
  ServiceProcess,
  SERVICES,
  type ServiceName,
} from '@medmentor/testing';
import { loadOrCreateDevKeyPair } from '../auth/dev-key-store';
import { writeClockPreload } from './scheduling-clock';

const root = join(__dirname, '../..');
export const ISSUER = 'medmentor-dev';
export const AUDIENCE = 'medmentor-api';

export interface TokenClaims {
  tenantId?: string;
  roles: [Role, ...Role[]];
  physicianId?: string;
  subject?: string;
}

export class DemoStack {
  readonly services: Record<ServiceName, ServiceProcess>;
  private readonly tokens = new Map<string, Promise<string>>();

  private constructor(
    private readonly privateKeyPem: string,
    publicKeyPem: string,
    portOffset: number,
    clockFile: string,
  ) {
    const extra: Record<ServiceName, Record<string, string>> = {
      profiles: { RANK_LIST_FREEZE_INTERVAL_MS: '1000' },
      matching: { MATCH_RUN_POLL_INTERVAL_MS: '200' },
      scheduling: {
        SCHEDULING_TICK_INTERVAL_MS: '2000',
        // Check-ins two months ahead; the timer extends the series as time goes by.
        SCHEDULING_HORIZON_DAYS: '60',
        // The demo moves scheduling's calendar forward to play the weeks after the match.
        DEMO_CLOCK_FILE: clockFile,
        NODE_OPTIONS: `--require ${writeClockPreload(dirname(clockFile))}`,
      },
      // Weeks of a program happen in minutes here: without a higher daily cap, a busy mentor's
      // emails past 20 in a day would wait for the next daily digest.
      notifications: { DAILY_EMAIL_CAP: '1000' },
    };
    this.services = Object.fromEntries(
      (Object.keys(SERVICES) as ServiceName[]).map((name) => [
        name,
        new ServiceProcess({
          name,
          port: SERVICES[name] + portOffset,
          logDir: join(root, '.cache/demo/logs'),
          env: {
            MONGODB_URI: mongoUri(),
            KAFKA_BROKERS: kafkaBrokers().join(','),
            AUTH_PUBLIC_KEY: publicKeyPem,
            AUTH_ISSUER: ISSUER,
            AUTH_AUDIENCE: AUDIENCE,
            OUTBOX_POLL_INTERVAL_MS: '100',
            // One client makes thousands of calls as a single administrator.
            HTTP_RATE_LIMIT_MAX: '0',
            ...extra[name],
          },
        }),
      ]),
    ) as Record<ServiceName, ServiceProcess>;
  }

  static async create(portOffset: number, clockFile: string): Promise<DemoStack> {
    const keys = await loadOrCreateDevKeyPair(join(root, '.cache/auth'));
    return new DemoStack(keys.privateKeyPem, keys.publicKeyPem, portOffset, clockFile);
  }

  async start(): Promise<void> {
    Object.values(this.services).forEach((service) => service.start());
    await Promise.all(Object.values(this.services).map((service) => service.waitReady(120_000)));
  }

  url(name: ServiceName): string {
    return `${this.services[name].url}/api/v1`;
  }

  /** A token signed with the dev key, cached per claims (valid 8 h). */
  token(claims: TokenClaims): Promise<string> {
    const key = JSON.stringify(claims);
    let token = this.tokens.get(key);
    if (!token) {
      token = signDevToken(
        this.privateKeyPem,
        {
          subject: claims.subject ?? claims.physicianId ?? 'demo-admin',
          tenantId: claims.tenantId,
          roles: claims.roles,
          physicianId: claims.physicianId,
        },
        { issuer: ISSUER, audience: AUDIENCE, expiresIn: '8h' },
      );
      this.tokens.set(key, token);
    }
    return token;
  }

  async stop(): Promise<boolean> {
    const codes = await Promise.all(Object.values(this.services).map((service) => service.stop()));
    return codes.every((code) => code === 0);
  }
}
