import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { createHttpTestApp } from '../testing/http-test-app';
import { LogCapture } from '../testing/log-capture';
import { basePinoOptions } from './logger-options.factory';

describe('log redaction', () => {
  let app: NestFastifyApplication;
  let logs: LogCapture;

  beforeAll(async () => {
    ({ app, logs } = await createHttpTestApp());
  });
  afterAll(async () => {
    await app.close();
  });

  it('logs request URLs without credentials and never the bearer token', async () => {
    await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: '/things?limit=5&token=capability-secret-1',
        headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.payload.signature' },
      });
    await app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/calendar-feeds/feed-secret-2' });
    const text = JSON.stringify(logs.lines);
    expect(text).toContain('/things?limit=5&token=[redacted]');
    expect(text).toContain('/calendar-feeds/[redacted]');
    expect(text).not.toContain('capability-secret-1');
    expect(text).not.toContain('feed-secret-2');
    expect(text).not.toContain('eyJhbGciOiJSUzI1NiJ9');
  });

  it('redacts emails, phones, tokens and secrets that a log call passes, up to two levels deep', () => {
    const capture = new LogCapture();
    const logger = pino(basePinoOptions('test-service', 'info'), capture);
    logger.info(
      {
        email: 'a@example.org',
        contact: { phone: '+15551234567', id: 'c1' },
        event: { data: { token: 't0ken' } },
      },
      'something happened',
    );
    const [line] = capture.lines;
    expect(line).toMatchObject({
      email: '[redacted]',
      contact: { phone: '[redacted]', id: 'c1' },
      event: { data: { token: '[redacted]' } },
    });
  });
});
