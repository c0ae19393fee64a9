import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken, MongooseModule, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection, type Connection } from 'mongoose';
import { createFastifyAdapter } from './bootstrap/fastify-adapter.factory';
import { parseConfig } from './config/load-config';
import { serviceConfigSchema, type ServiceConfig } from './config/service-config.schema';
import { HealthRegistry } from './health/health-registry.service';
import { PlatformModule } from './platform.module';

// Runs against a real MongoDB-wire server (FerretDB in development, MongoDB in CI/prod).
const MONGODB_URI = process.env['MONGODB_URI'];
if (MONGODB_URI === undefined || MONGODB_URI.trim() === '') {
  throw new Error(
    'MONGODB_URI is not set: the platform integration tests need a MongoDB-wire server, e.g. ' +
      "MONGODB_URI='mongodb://127.0.0.1:27017/?directConnection=true'",
  );
}

const database = `platform_it_${process.pid}_${Date.now()}`;

function configFor(overrides: Record<string, string> = {}): ServiceConfig {
  const result = parseConfig(serviceConfigSchema('platform-it', 0), {
    MONGODB_URI: MONGODB_URI ?? '',
    MONGODB_DATABASE: database,
    KAFKA_BROKERS: '127.0.0.1:9092',
    AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----',
    AUTH_ISSUER: 'medmentor-test',
    AUTH_AUDIENCE: 'medmentor-api',
    LOG_LEVEL: 'error',
    HEALTH_CHECK_TIMEOUT_MS: '3000',
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

@Schema({ collection: 'mentors' })
class Mentor {
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) email!: string;
}
const MentorSchema = SchemaFactory.createForClass(Mentor);
// Lookup of a mentor by email within a tenant; unique so a retried enrolment is harmless.
MentorSchema.index({ tenantId: 1, email: 1 }, { unique: true, name: 'tenant_email_unique' });

@Schema({ collection: 'duplicates' })
class Duplicate {
  @Prop({ required: true }) key!: string;
}
const DuplicateSchema = SchemaFactory.createForClass(Duplicate);
DuplicateSchema.index({ key: 1 }, { unique: true });

async function boot(
  feature: Parameters<typeof MongooseModule.forFeature>[0],
): Promise<NestFastifyApplication> {
  const config = configFor();
  @Module({
    imports: [
      PlatformModule.forRoot({ serviceName: 'platform-it', config }),
      MongooseModule.forFeature(feature),
    ],
  })
  class TinyServiceModule {}

  const app = await NestFactory.create<NestFastifyApplication>(
    TinyServiceModule,
    createFastifyAdapter(config),
    { logger: false, abortOnError: false },
  );
  try {
    await app.init();
  } catch (error) {
    // app.close() would re-throw the failed initialisation: release the connection directly.
    await app.get<Connection>(getConnectionToken()).close();
    throw error;
  }
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('PlatformModule against a real MongoDB-wire server', () => {
  let app: NestFastifyApplication;
  const ready = () =>
    app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/ready' });

  beforeAll(async () => {
    app = await boot([{ name: Mentor.name, schema: MentorSchema }]);
  });

  afterAll(async () => {
    const connection = app.get<Connection>(getConnectionToken());
    await connection.dropDatabase();
    await app.close();
  });

  it('is ready when MongoDB answers a ping', async () => {
    const res = await ready();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      details: {
        mongodb: { status: 'up', latencyMs: expect.any(Number) },
        shutdown: { status: 'up' },
      },
    });
  });

  it('applied the declared indexes at boot', async () => {
    const connection = app.get<Connection>(getConnectionToken());
    const indexes = await connection.collection('mentors').listIndexes().toArray();
    expect(indexes.map((index) => String(index['name']))).toContain('tenant_email_unique');
    expect(connection.db?.databaseName).toBe(database);
  });

  it('answers 503 when a registered readiness check throws', async () => {
    const health = app.get(HealthRegistry);
    health.addReadinessCheck('kafka', () => Promise.reject(new Error('broker unreachable')));
    try {
      const res = await ready();
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'error',
        error: { kafka: { status: 'down', message: 'broker unreachable' } },
        info: { mongodb: { status: 'up' } },
      });
    } finally {
      health.addReadinessCheck('kafka', async () => undefined);
    }
    expect((await ready()).statusCode).toBe(200);
  });

  it('answers 503 once draining', async () => {
    app.get(HealthRegistry).setDraining();
    const res = await ready();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      error: { shutdown: { status: 'down' } },
      info: { mongodb: { status: 'up' } },
    });
  });

  it('fails the boot loudly when an index cannot be created', async () => {
    const direct = await createConnection(MONGODB_URI ?? '', { dbName: database }).asPromise();
    try {
      await direct.collection('duplicates').insertMany([{ key: 'a' }, { key: 'a' }]);
    } finally {
      await direct.close();
    }
    await expect(boot([{ name: Duplicate.name, schema: DuplicateSchema }])).rejects.toThrow(
      /Cannot create indexes of model Duplicate \(collection duplicates\)/,
    );
  });
});
