// Boots the scheduling features in-process on Fastify, with the real broker and database from
// tools/infra, a clock the test moves, and timers driven by the test (`tick()`).
import { Test } from '@nestjs/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { createEvent, decodeEvent, type EventPayload, type EventType } from '@medmentor/contracts';
import { generateDevKeyPair, resolveAuthOptions, signDevToken, type Role } from '@medmentor/auth';
import { createFastifyAdapter } from '@medmentor/platform';
import { runtimeConfigSchema, ServiceModule } from '@medmentor/runtime';
import { kafkaBrokers, KafkaReader, mongoUri, uniqueName, waitFor } from '@medmentor/testing';
import { CLOCK, type Clock } from '../src/config/clock';
import { SCHEDULING_CONFIG, schedulingConfigSchema } from '../src/config/scheduling-config';
import { MeetingPlanner } from '../src/meetings/meeting-planner.service';
import { SCHEDULING_FEATURES } from '../src/scheduling.features';
import { SchedulerService } from '../src/timers/scheduler.service';

const ISSUER = 'medmentor-it';
const AUDIENCE = 'medmentor-api';

/** A clock the test sets; every replica of a test shares one. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
}

export interface Reply<T = { code: string; errors?: { field: string; message: string }[] }> {
  status: number;
  headers: Record<string, unknown>;
  body: T;
  text: string;
}

export interface Keys {
  publicKeyPem: string;
  privateKeyPem: string;
}

export class SchedulingTestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly database: string,
    private readonly keys: Keys,
  ) {}

  /** Another replica: pass the first one's database and group to share them. */
  static async start(
    clock: TestClock,
    shared?: { database: string; group: string; keys: Keys },
  ): Promise<SchedulingTestApp> {
    const keys = shared?.keys ?? (await generateDevKeyPair());
    const database = shared?.database ?? uniqueName('it_scheduling').replace(/-/g, '_');
    const config = runtimeConfigSchema('scheduling', 3003).parse({
      MONGODB_URI: mongoUri(),
      MONGODB_DATABASE: database,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_CLIENT_ID: uniqueName('it-scheduling'),
      KAFKA_GROUP_ID: shared?.group ?? `it-scheduling-${database}`,
      KAFKA_CREATE_TOPICS: 'true',
      OUTBOX_POLL_INTERVAL_MS: '50',
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
    const moduleRef = await Test.createTestingModule({
      imports: [ServiceModule.register('scheduling', config, auth, SCHEDULING_FEATURES)],
    })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .overrideProvider(SCHEDULING_CONFIG)
      .useValue(
        schedulingConfigSchema.parse({
          SCHEDULING_TIMERS_ENABLED: 'false',
          SCHEDULING_MIN_NOTICE_HOURS: '24',
          SCHEDULING_HORIZON_DAYS: '100',
          SCHEDULING_VIDEO_BASE_URL: 'https://video.example.org/room/',
          SCHEDULING_PUBLIC_BASE_URL: 'https://scheduling.example.org',
        }),
      )
      .compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(
      createFastifyAdapter(config),
      { logger: false, abortOnError: false },
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new SchedulingTestApp(app, database, keys);
  }

  get shared(): { database: string; group: string; keys: Keys } {
    return { database: this.database, group: `it-scheduling-${this.database}`, keys: this.keys };
  }

  token(tenantId: string, roles: Role[], physicianId?: string): Promise<string> {
    return signDevToken(
      this.keys.privateKeyPem,
      {
        subject: `it-${physicianId ?? roles.join('+')}`,
        roles,
        tenantId,
        ...(physicianId && { physicianId }),
      },
      { issuer: ISSUER, audience: AUDIENCE },
    );
  }

  async call<T = Reply['body']>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<Reply<T>> {
    const response = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: {
          ...(options.token && { authorization: `Bearer ${options.token}` }),
          ...(options.body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(options.body !== undefined && { payload: JSON.stringify(options.body) }),
      });
    const text = response.body;
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.statusCode, headers: response.headers, body: body as T, text };
  }

  get connection(): Connection {
    return this.app.get<Connection>(getConnectionToken());
  }

  get scheduler(): SchedulerService {
    return this.app.get(SchedulerService);
  }

  get planner(): MeetingPlanner {
    return this.app.get(MeetingPlanner);
  }

  /** Waits until this service's consumer group recorded the event as handled. */
  async processed(eventId: string): Promise<void> {
    await waitFor(
      async () =>
        (await this.connection.collection('processed_events').countDocuments({ eventId })) > 0,
      {
        timeoutMs: 30_000,
        description: `event ${eventId} to be processed`,
      },
    );
  }

  async outboxDrained(): Promise<void> {
    await waitFor(
      async () =>
        (await this.connection.collection('meetings').countDocuments({ _outboxPending: true })) ===
          0 &&
        (await this.connection.collection('matches').countDocuments({ _outboxPending: true })) ===
          0,
      { timeoutMs: 30_000, description: 'the outboxes to drain' },
    );
  }

  async close(options: { dropDatabase?: boolean } = {}): Promise<void> {
    if (options.dropDatabase !== false) await this.connection.dropDatabase().catch(() => undefined);
    await this.app.close();
  }
}

/** Produces events as profiles and matching would (key = aggregate id). */
export class EventFeed {
  private constructor(private readonly producer: Producer) {}

  static async start(): Promise<EventFeed> {
    const kafka = new Kafka({
      clientId: uniqueName('it-feed'),
      brokers: kafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    return new EventFeed(producer);
  }

  async send<T extends EventType>(
    type: T,
    data: EventPayload<T>,
    tenantId: string,
    id?: string,
  ): Promise<string> {
    const event = createEvent(type, data, {
      tenantId,
      source: type.split('.')[1],
      ...(id && { id }),
    });
    await this.producer.send({
      topic: event.topic,
      acks: -1,
      messages: [{ key: event.key, value: JSON.stringify(event.envelope) }],
    });
    return event.envelope.id;
  }

  async stop(): Promise<void> {
    await this.producer.disconnect();
  }
}

export interface ReadEvent {
  id: string;
  type: EventType;
  data: Record<string, unknown>;
}

/** Reads scheduling's topics from the beginning, decoding (validating) every message. */
export class EventLog {
  private constructor(private readonly reader: KafkaReader) {}

  static async start(topics: string[]): Promise<EventLog> {
    return new EventLog(await new KafkaReader().start(topics));
  }

  about(topic: string, predicate: (e: ReadEvent) => boolean): ReadEvent[] {
    return this.reader
      .on(topic)
      .map((message) => {
        const decoded = decodeEvent(topic, message.value);
        if (!decoded.ok) throw new Error(`invalid event on ${topic}: ${decoded.reason}`);
        return {
          id: decoded.envelope.id,
          type: decoded.type,
          data: decoded.envelope.data as Record<string, unknown>,
        };
      })
      .filter(predicate);
  }

  async waitFor(
    topic: string,
    predicate: (e: ReadEvent) => boolean,
    count: number,
  ): Promise<ReadEvent[]> {
    return waitFor(
      () => {
        const found = this.about(topic, predicate);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs: 30_000, description: `${count} event(s) on ${topic}` },
    );
  }

  async stop(): Promise<void> {
    await this.reader.stop();
  }
}
