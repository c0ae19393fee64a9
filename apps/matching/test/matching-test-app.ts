// Boots matching's modules in-process on Fastify, with the real broker and database from
// tools/infra; feeds its read model by producing profiles' events to Kafka, as profiles would.
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Connection } from 'mongoose';
import { decodeEvent, type EventType } from '@medmentor/contracts';
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
/** Deadline for asynchronous effects: generous, since a shared 2-core machine can be very busy. */
export const DEADLINE_MS = 90_000;
const AUDIENCE = 'medmentor-api';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface Reply<T = Problem> {
  status: number;
  headers: Record<string, unknown>;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
}

export interface TokenOptions {
  physicianId?: string;
  subject?: string;
}

export class MatchingTestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly database: string,
    readonly groupId: string,
    private readonly privateKeyPem: string,
  ) {}

  static async start(features: Type[], env: Record<string, string> = {}): Promise<MatchingTestApp> {
    const keys = await generateDevKeyPair();
    const database = uniqueName('it_matching').replace(/-/g, '_');
    const groupId = uniqueName('it-matching');
    const config = runtimeConfigSchema('matching', 3002).parse({
      MONGODB_URI: singleConnectionUri(mongoUri()),
      MONGODB_DATABASE: database,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_CLIENT_ID: groupId,
      KAFKA_GROUP_ID: groupId,
      KAFKA_CREATE_TOPICS: 'true',
      OUTBOX_POLL_INTERVAL_MS: '50',
      CONSUMER_MAX_ATTEMPTS: '2',
      AUTH_PUBLIC_KEY: keys.publicKeyPem,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      LOG_LEVEL: process.env['IT_LOG_LEVEL'] ?? 'silent',
    });
    Object.assign(process.env, env);
    const auth = resolveAuthOptions({
      publicKey: keys.publicKeyPem,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const app = await NestFactory.create<NestFastifyApplication>(
      ServiceModule.register('matching', config, auth, features),
      createFastifyAdapter(config),
      { logger: false, abortOnError: false },
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new MatchingTestApp(app, database, groupId, keys.privateKeyPem);
  }

  token(tenantId: string, roles: Role[], options: TokenOptions = {}): Promise<string> {
    return signDevToken(
      this.privateKeyPem,
      {
        subject: options.subject ?? options.physicianId ?? `it-${roles.join('+')}`,
        roles,
        tenantId,
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

  /** Waits until this group recorded `eventId` as processed (applied, skipped or dead-lettered). */
  async processed(eventId: string): Promise<Record<string, unknown>> {
    return waitFor(
      async () => {
        const doc = await this.connection
          .collection('processed_events')
          .findOne({ _id: `${this.groupId}:${eventId}` as never });
        return (doc as Record<string, unknown> | null) ?? undefined;
      },
      { description: `event ${eventId} to be processed`, timeoutMs: DEADLINE_MS },
    );
  }

  async close(): Promise<void> {
    await this.connection.dropDatabase().catch(() => undefined);
    await this.app.close();
  }
}

/** Produces events the way profiles' outbox relay does (key = aggregate id). */
export { EventFeed } from '@medmentor/testing';

export interface ReadEvent {
  type: EventType;
  key: string | null;
  data: Record<string, unknown>;
  headers: Record<string, string>;
}

/** Reads topics from the beginning and decodes every message. */
export class EventLog {
  private constructor(readonly reader: KafkaReader) {}

  static async start(topics: string[]): Promise<EventLog> {
    return new EventLog(await new KafkaReader().start(topics));
  }

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
          data: decoded.envelope.data as Record<string, unknown>,
          headers: message.headers,
        };
      });
  }

  async waitFor(topic: string, subject: string, count: number): Promise<ReadEvent[]> {
    return waitFor(
      () => (this.about(topic, subject).length >= count ? this.about(topic, subject) : undefined),
      { timeoutMs: DEADLINE_MS, description: `${count} event(s) about ${subject} on ${topic}` },
    );
  }

  async stop(): Promise<void> {
    await this.reader.stop();
  }
}

export const fieldsOf = (body: Pick<Problem, 'errors'>): string[] =>
  (body.errors ?? []).map((error) => error.field);
