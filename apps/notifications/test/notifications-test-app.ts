// Boots the notifications service in-process on Fastify with the real broker, database and
// SMTP server from tools/infra; produces events to Kafka as profiles and matching would.
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { DateTime } from 'luxon';
import {
  createEvent,
  type EventPayload,
  type EventType,
  type OutgoingEvent,
} from '@medmentor/contracts';
import { generateDevKeyPair, resolveAuthOptions, signDevToken, type Role } from '@medmentor/auth';
import { createFastifyAdapter } from '@medmentor/platform';
import { runtimeConfigSchema, ServiceModule } from '@medmentor/runtime';
import {
  kafkaBrokers,
  mongoUri,
  requireEnv,
  singleConnectionUri,
  type WaitForOptions,
  uniqueName,
  waitFor,
} from '@medmentor/testing';
import { Clock } from '../src/config/clock';
import { DiagnosticsModule } from '../src/diagnostics/diagnostics.module';
import { NotificationsModule } from '../src/notifications.module';

const ISSUER = 'medmentor-it';
const AUDIENCE = 'medmentor-api';

export interface Problem {
  status: number;
  code: string;
  errors?: { field: string; message: string }[];
}

export interface Reply<T = Problem> {
  status: number;
  headers: Record<string, unknown>;
  body: T;
}

/** Settings the suites use: quick polls and retries so failures show within seconds. */
const SERVICE_ENV: Record<string, string> = {
  DISPATCH_INTERVAL_MS: '50',
  DELIVERY_RETRY_INITIAL_MS: '200',
  DELIVERY_RETRY_MAX_MS: '1000',
  DELIVERY_MAX_ATTEMPTS: '4',
  DELIVERY_LEASE_MS: '5000',
  WEBHOOK_TIMEOUT_MS: '2000',
  // The suites' receivers listen on 127.0.0.1 over http.
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  NOTIFICATIONS_UNSUBSCRIBE_SECRET: 'integration-unsubscribe-secret-0123456789',
  NOTIFICATIONS_SECRET_KEY: 'aW50ZWdyYXRpb24tc2VjcmV0LWtleS0zMi1ieXRlcyE=',
  PUBLIC_BASE_URL: 'https://notifications.medmentor.test',
  MAIL_FROM: 'MedMentor <no-reply@medmentor.test>',
};

export class NotificationsTestApp {
  /** Offset added to the real time by the service's clock (quiet hours, digests). */
  clockOffsetMs = 0;

  private constructor(
    readonly app: NestFastifyApplication,
    private readonly privateKeyPem: string,
    private readonly producer: Producer,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<NotificationsTestApp> {
    Object.assign(process.env, SERVICE_ENV, { SMTP_URL: requireEnv('SMTP_URL') }, env);
    const keys = await generateDevKeyPair();
    const config = runtimeConfigSchema('notifications', 3004).parse({
      MONGODB_URI: singleConnectionUri(mongoUri()),
      MONGODB_DATABASE: uniqueName('it_notifications').replace(/-/g, '_'),
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_CLIENT_ID: uniqueName('it-notifications'),
      KAFKA_GROUP_ID: uniqueName('it-notifications'),
      KAFKA_CREATE_TOPICS: 'true',
      OUTBOX_POLL_INTERVAL_MS: '50',
      CONSUMER_MAX_ATTEMPTS: '3',
      AUTH_PUBLIC_KEY: keys.publicKeyPem,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      LOG_LEVEL: process.env['IT_LOG_LEVEL'] ?? 'silent',
    });
    const auth = resolveAuthOptions({
      publicKey: keys.publicKeyPem,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const app = await NestFactory.create<NestFastifyApplication>(
      ServiceModule.register('notifications', config, auth, [
        DiagnosticsModule,
        NotificationsModule,
      ]),
      createFastifyAdapter(config),
      { logger: false, abortOnError: false },
    );
    const producer = new Kafka({
      clientId: 'it-producer',
      brokers: kafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    const testApp = new NotificationsTestApp(app, keys.privateKeyPem, producer);
    const clock = app.get(Clock);
    clock.now = () => new Date(Date.now() + testApp.clockOffsetMs);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await producer.connect();
    return testApp;
  }

  token(tenantId: string, roles: Role[], physicianId?: string): Promise<string> {
    return signDevToken(
      this.privateKeyPem,
      {
        subject: `it-${physicianId ?? roles.join('+')}`,
        roles,
        tenantId,
        ...(physicianId !== undefined && { physicianId }),
      },
      { issuer: ISSUER, audience: AUDIENCE },
    );
  }

  async call<T = Problem>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const response = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: {
          ...(options.token !== undefined && { authorization: `Bearer ${options.token}` }),
          ...(options.body !== undefined && { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(options.body !== undefined && {
          payload: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
        }),
      });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: (response.body === '' ? undefined : JSON.parse(response.body)) as T,
    };
  }

  /** Builds and publishes an event as its producer would (same envelope, topic and key). */
  async publish<T extends EventType>(
    type: T,
    data: EventPayload<T>,
    tenantId: string,
  ): Promise<OutgoingEvent<T>> {
    const event = createEvent(type, data, { tenantId, source: 'it' });
    await this.send(event);
    return event;
  }

  /** Publishes an already built event again (a redelivery). */
  async send(event: OutgoingEvent): Promise<void> {
    await this.producer.send({
      topic: event.topic,
      messages: [{ key: event.key, value: JSON.stringify(event.envelope) }],
    });
  }

  async sendRaw(topic: string, key: string, value: string): Promise<void> {
    await this.producer.send({ topic, messages: [{ key, value }] });
  }

  get connection(): Connection {
    return this.app.get<Connection>(getConnectionToken());
  }

  get<T>(type: new (...args: never[]) => T): T {
    return this.app.get(type);
  }

  /** Publishes a tenant and a program of it, and waits for the program in the read model. */
  async registerProgram(tenantId: string, programId: string, name: string): Promise<void> {
    await this.publish('medmentor.profiles.tenant.registered', tenantSnapshot(tenantId), tenantId);
    await this.publish(
      'medmentor.profiles.program.published',
      programConfig(tenantId, programId, name),
      tenantId,
    );
    await eventually(
      async () =>
        (await this.connection.collection('programs').findOne({ _id: programId as never })) ??
        undefined,
      { description: `program ${programId} in the read model` },
    );
  }

  /** Publishes a physician's registration and waits for their contact in the read model. */
  async registerPhysician(
    tenantId: string,
    overrides: Partial<EventPayload<'medmentor.profiles.physician.registered'>> = {},
  ) {
    const snapshot = physicianSnapshot(tenantId, overrides);
    await this.publish('medmentor.profiles.physician.registered', snapshot, tenantId);
    await eventually(
      async () =>
        (await this.connection
          .collection('contacts')
          .findOne({ _id: snapshot.physicianId as never })) ?? undefined,
      { description: `contact ${snapshot.physicianId}` },
    );
    return snapshot;
  }

  /**
   * Sets 22:00-07:00 quiet hours for the physician and moves the service's clock to 23:00 of
   * tomorrow in `zone`: their email waits. Returns that evening; quiet hours end 8 hours on.
   */
  async quietEvening(tenantId: string, physicianId: string, zone: string): Promise<DateTime> {
    const token = await this.token(tenantId, ['mentor'], physicianId);
    const put = await this.call('PUT', '/api/v1/notification-preferences/me', {
      token,
      body: { quietHours: { start: '22:00', end: '07:00' } },
    });
    if (put.status !== 200) throw new Error(`quiet hours answered ${put.status}`);
    const lateEvening = DateTime.now()
      .setZone(zone)
      .plus({ days: 1 })
      .set({ hour: 23, minute: 0, second: 0, millisecond: 0 });
    this.clockOffsetMs = lateEvening.toMillis() - Date.now();
    return lateEvening;
  }

  deliveries(filter: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    return this.connection.collection('deliveries').find(filter).toArray();
  }

  /** Waits until the deliveries matching `filter` all reached one of `statuses`. */
  async settled(
    filter: Record<string, unknown>,
    count: number,
    statuses = ['sent', 'failed', 'skipped'],
  ) {
    return waitFor(
      async () => {
        const docs = await this.deliveries(filter);
        return docs.length >= count && docs.every((d) => statuses.includes(d['status'] as string))
          ? docs
          : undefined;
      },
      { description: `${count} deliveries settled (${JSON.stringify(filter)})`, timeoutMs: 90_000 },
    );
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.connection.dropDatabase().catch(() => undefined);
    await this.app.close();
  }
}

/** An enrollment as profiles publishes it: an email and an inbox message to the physician. */
export const enrollmentSubmitted = (
  tenantId: string,
  programId: string,
  physicianId: string,
  side: 'mentee' | 'mentor' = 'mentee',
) => ({
  enrollmentId: uniqueName('en'),
  tenantId,
  programId,
  physicianId,
  side,
  roles: ['career' as const],
  topics: [],
  preferences: {
    externalMentorOnly: false,
    preferred: { specialties: [], languages: [], practiceSetting: {} },
    exclusions: [],
  },
  ...(side === 'mentor' && { capacity: 1 }),
  status: 'active' as const,
  submittedAt: new Date().toISOString(),
  version: 1,
});

/** A physician snapshot as profiles publishes it. */
export const physicianSnapshot = (
  tenantId: string,
  overrides: Partial<EventPayload<'medmentor.profiles.physician.registered'>> = {},
) => ({
  physicianId: uniqueName('ph'),
  tenantId,
  displayName: 'Ana García',
  email: `${uniqueName('ana')}@example.org`,
  timeZone: 'America/Chicago',
  languages: ['en'],
  availability: [],
  specialty: 'internal-medicine',
  careerStage: { stage: 'resident' as const, pgy: 2 },
  interests: [],
  practiceSetting: {},
  mentoringCapacity: 1,
  takingBreak: false,
  mentorTraining: { completed: false },
  reportingLine: { supervisorIds: [], evaluatorIds: [] },
  version: 1,
  ...overrides,
});

export const tenantSnapshot = (tenantId: string, name = 'Lakeside Health') => ({
  tenantId,
  name,
  slug: uniqueName('t'),
  kind: 'health-system' as const,
  timeZone: 'America/Chicago',
  status: 'active' as const,
  hospitals: [],
  version: 1,
});

export const programConfig = (
  tenantId: string,
  programId: string,
  name = 'Early-career mentoring',
) => ({
  programId,
  tenantId,
  name,
  kind: 'institutional' as const,
  matchingMode: 'cohort' as const,
  status: 'open' as const,
  rolesOffered: [{ role: 'career' as const, perMentee: 1 }],
  scoringWeights: {
    specialty: 1,
    careerStage: 1,
    interests: 1,
    goals: 1,
    practiceSetting: 1,
    geography: 1,
    language: 1,
    availability: 1,
  },
  eligibility: {
    mentees: { careerStages: [], specialties: [] },
    mentors: { careerStages: [], specialties: [] },
  },
  requirements: { mentorTrainingCompleted: false },
  cadence: [{ every: 'month' as const }],
  kickoffWindowDays: 14,
  reminderOffsetsMinutes: [60],
  cycle: {
    enrollmentOpensAt: '2026-11-01T00:00:00Z',
    enrollmentClosesAt: '2026-12-01T00:00:00Z',
    matchDate: '2026-12-15T00:00:00Z',
  },
  version: 1,
});

export const fieldsOf = (body: Pick<Problem, 'errors'>): string[] =>
  (body.errors ?? []).map((e) => e.field);

/** waitFor with a deadline for a loaded machine: the shared servers answer slowly at times. */
export const eventually = <T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: WaitForOptions = {},
): Promise<T> => waitFor(probe, { timeoutMs: 90_000, ...options });

/** The facts of a match event between two physicians of a program. */
export const matchFacts = (
  tenantId: string,
  programId: string,
  menteeId: string,
  mentorId: string,
) => ({
  matchId: uniqueName('match'),
  tenantId,
  programId,
  role: 'career' as const,
  menteeId,
  mentorId,
  menteeEnrollmentId: uniqueName('en'),
  mentorEnrollmentId: uniqueName('en'),
  origin: 'run' as const,
  version: 1,
  at: new Date().toISOString(),
});

/** A match.expired payload between two registered physicians: one message per side and webhook. */
export const expiredMatch = (tenantId: string, menteeId: string, mentorId: string) => ({
  ...matchFacts(tenantId, uniqueName('program'), menteeId, mentorId),
  responseDeadline: new Date().toISOString(),
});
