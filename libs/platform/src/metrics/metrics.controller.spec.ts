import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpTestApp } from '../testing/http-test-app';
import { MetricsRegistry } from './metrics-registry.service';

describe('/metrics', () => {
  let app: NestFastifyApplication;
  const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app
      .getHttpAdapter()
      .getInstance()
      .inject({ method, url, ...(payload && { payload }) });

  beforeAll(async () => {
    ({ app } = await createHttpTestApp());
  });
  afterAll(async () => {
    await app.close();
  });

  it('records request durations by method, route template and status', async () => {
    await inject('GET', '/things/missing/t-1');
    await inject('GET', '/things/missing/t-2');
    await inject('POST', '/things', { name: 'x' });
    await inject('GET', '/no/such/route');
    const res = await inject('GET', '/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain; version=0.0.4');
    expect(res.body).toContain(
      'http_request_duration_seconds_count{method="GET",route="/things/missing/:id",status_code="404"} 2',
    );
    expect(res.body).toContain(
      'http_request_duration_seconds_count{method="POST",route="/things",status_code="201"} 1',
    );
    expect(res.body).toContain(
      'http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"} 1',
    );
    expect(res.body).toContain('process_resident_memory_bytes');
  });

  it('serves metrics other libraries register on the app registry', async () => {
    app
      .get(MetricsRegistry)
      .counter({ name: 'kafka_messages_consumed_total', help: 'Consumed' })
      .inc(4);
    expect((await inject('GET', '/metrics')).body).toContain('kafka_messages_consumed_total 4');
  });
});
