// Boots the profiles module in-process on Fastify, with the real broker and database from
// tools/infra, and drives it over HTTP with Fastify's inject.
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Connection } from 'mongoose';
import { decodeEvent, type EventEnvelope, type EventType } from '@medmentor/contracts';
import { generateDevKeyPair, resolveAuthOptions, signDevToken, type Role } from '@medmentor/auth';
import { createFastifyAdapter } from '@medmentor/platform';
import { runtimeConfigSchema, ServiceModule } from '@medmentor/runtime';
import {
  kafkaBrokers,
  KafkaReader,
  mongoUri,
  singleConnectionUri,
  uniqueName,
  waitFor,
} from '@medmentor/testing';

const ISSUER = 'medmentor-it';

const AUDIENCE = 'medmentor-api';

/** A JSON response body: dates travel as strings. */
export type Json<T> = {
  [K in keyof T]: T[K] extends Date
    ? string
    : T[K] extends Date | undefined
      ? string | undefined
      : T[K];
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface PageBody<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Reply<T = Problem> {
  status: number;
  headers: Record<string, unknown>;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export class ProfilesTestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly database: string,
    private readonly privateKeyPem: string,
  ) {}

  static async start(features: Type[]): Promise<ProfilesTestApp> {
    const keys = await generateDevKeyPair();
    const database = uniqueName('it_profiles').replace(/-/g, '_');
    const config = runtimeConfigSchema('profiles', 3001).parse({
      MONGODB_URI: singleConnectionUri(mongoUri()),
      MONGODB_DATABASE: database,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_CLIENT_ID: uniqueName('it-profiles'),
      KAFKA_GROUP_ID: uniqueName('it-profiles'),
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
    const app = await NestFactory.create<NestFastifyApplication>(
      ServiceModule.register('profiles', config, auth, features),
      createFastifyAdapter(config),
      { logger: false, abortOnError: false },
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new ProfilesTestApp(app, database, keys.privateKeyPem);
  }

  /** A signed token; `physicianId` links it to a physician profile (the physician claim). */
  token(
    tenantId: string | undefined,
    roles: Role[],
    options: { subject?: string; physicianId?: string } = {},
  ): Promise<string> {
    const subject =
      options.subject ??
      (options.physicianId !== undefined ? `it-${options.physicianId}` : `it-${roles.join('+')}`);
    return signDevToken(
      this.privateKeyPem,
      {
        subject,
        roles,
        ...(tenantId !== undefined && { tenantId }),
        ...(options.physicianId !== undefined && { physicianId: options.physicianId }),
      },
      { issuer: ISSUER, audience: AUDIENCE },
    );
  }

  async call<T = Problem>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: CallOptions = {},
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
        ...(options.body !== undefined && { payload: JSON.stringify(options.body) }),
      });
    const text = response.body;
    return {
      status: response.statusCode,
      headers: response.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    };
  }

  get connection(): Connection {
    return this.app.get<Connection>(getConnectionToken());
  }

  /** Waits until no document of `collection` has events left in its outbox. */
  async outboxDrained(collection: string): Promise<void> {
    await waitFor(
      async () =>
        (await this.connection.collection(collection).countDocuments({ _outboxPending: true })) ===
        0,
      {
        description: `the ${collection} outbox to drain`,
      },
    );
  }

  async close(): Promise<void> {
    await this.connection.dropDatabase().catch(() => undefined);
    await this.app.close();
  }
}

export interface ReadEvent {
  type: EventType;
  key: string | null;
  tenantId: string;
  data: Record<string, unknown>;
  envelope: EventEnvelope;
}

/** Reads a topic from the beginning and decodes (validates) every message on it. */
export class EventLog {
  private constructor(private readonly reader: KafkaReader) {}

  static async start(topics: string[]): Promise<EventLog> {
    return new EventLog(await new KafkaReader().start(topics));
  }

  /** Every event on `topic` about `subject` (the aggregate id), in order; throws on an invalid one. */
  about(topic: string, subject: string): ReadEvent[] {
    return this.reader
      .on(topic)
      .filter((message) => message.key === subject)
      .map((message) => {
        const decoded = decodeEvent(topic, message.value);
        if (!decoded.ok) throw new Error(`invalid event on ${topic}: ${decoded.reason}`);
        return {
          type: decoded.type,
          key: message.key,
          tenantId: decoded.envelope.tenantid,
          data: decoded.envelope.data as Record<string, unknown>,
          envelope: decoded.envelope,
        };
      });
  }

  /** Waits until `count` events about `subject` are on `topic`, then returns them. */
  async waitFor(topic: string, subject: string, count: number): Promise<ReadEvent[]> {
    return waitFor(
      () => (this.about(topic, subject).length >= count ? this.about(topic, subject) : undefined),
      {
        timeoutMs: 30_000,
        description: `${count} event(s) about ${subject} on ${topic}`,
      },
    );
  }

  async stop(): Promise<void> {
    await this.reader.stop();
  }
}

/** A problem+json body's field names. */
export const fieldsOf = (body: Pick<Problem, 'errors'>): string[] =>
  (body.errors ?? []).map((error) => error.field);
