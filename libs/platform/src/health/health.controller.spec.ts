import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpTestApp } from '../testing/http-test-app';
import type { LogCapture } from '../testing/log-capture';
import { HealthRegistry } from './health-registry.service';

describe('health endpoints', () => {
  let app: NestFastifyApplication;
  let logs: LogCapture;
  let health: HealthRegistry;
  const get = (url: string) => app.getHttpAdapter().getInstance().inject({ method: 'GET', url });

  beforeEach(async () => {
    ({ app, logs } = await createHttpTestApp());
    health = app.get(HealthRegistry);
  });
  afterEach(async () => {
    await app.close();
  });

  it('answers ready with 200 and every check', async () => {
    health.addReadinessCheck('kafka', async () => ({ producer: 'connected' }));
    const res = await get('/health/ready');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      details: { kafka: { status: 'up', producer: 'connected' }, shutdown: { status: 'up' } },
    });
  });

  it('answers 503 with terminus details when a readiness check fails', async () => {
    health.addReadinessCheck('kafka', () => Promise.reject(new Error('broker unreachable')));
    const res = await get('/health/ready');
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toMatchObject({
      status: 'error',
      error: { kafka: { status: 'down', message: 'broker unreachable' } },
    });
  });

  it('answers 503 while draining but stays live', async () => {
    health.setDraining();
    expect((await get('/health/ready')).statusCode).toBe(503);
    const live = await get('/health/live');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ status: 'ok', details: { process: { status: 'up' } } });
  });

  it('fails liveness when a liveness check fails', async () => {
    health.addLivenessCheck('kafka-consumer', () => Promise.reject(new Error('crashed')));
    const res = await get('/health/live');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      error: { 'kafka-consumer': { status: 'down', message: 'crashed' } },
    });
  });

  it('does not log successful probes', async () => {
    await get('/health/live');
    await get('/health/ready');
    expect(logs.lines.filter((l) => l['msg'] === 'request completed')).toEqual([]);
  });
});
