import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions } from 'fastify';
import type { ProblemDetails } from './problem-details';
import { createHttpTestApp } from '../testing/http-test-app';
import type { LogCapture } from '../testing/log-capture';

describe('problem+json over HTTP (Fastify)', () => {
  let app: NestFastifyApplication;
  let logs: LogCapture;
  const inject = (opts: InjectOptions) => app.getHttpAdapter().getInstance().inject(opts);

  beforeAll(async () => {
    ({ app, logs } = await createHttpTestApp());
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers malformed JSON with 400 malformed-body', async () => {
    const res = await inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.json()).toMatchObject({ status: 400, code: 'malformed-body', instance: '/things' });
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await inject({ method: 'GET', url: '/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.json()).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      code: 'not-found',
      instance: '/nope',
    });
  });

  it('answers validation errors with 400 and field errors', async () => {
    const res = await inject({
      method: 'POST',
      url: '/things',
      payload: { name: '', tags: [{ label: 3 }], extra: true, settings: { color: 'green', x: 1 } },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<ProblemDetails>();
    expect(body).toMatchObject({
      code: 'validation-failed',
      type: 'https://medmentor.dev/problems/validation-failed',
    });
    const fields = body.errors?.map((e) => e.field).sort();
    expect(fields).toEqual(['extra', 'name', 'settings.color', 'settings.x', 'tags[0].label']);
  });

  it('rejects $ keys anywhere in the body', async () => {
    const res = await inject({
      method: 'POST',
      url: '/things',
      payload: { name: 'a', tags: [{ label: 'x', $where: '1' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'tags[0].$where', message: 'is not an allowed key' },
    ]);
  });

  it('rejects __proto__ in JSON before it reaches the handler', async () => {
    const res = await inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"a","__proto__":{"admin":true}}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('answers a domain error with its status and code', async () => {
    const res = await inject({ method: 'GET', url: '/things/missing/t-7' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      type: 'https://medmentor.dev/problems/thing-not-found',
      title: 'Thing not found',
      status: 404,
      detail: 'No thing t-7',
      code: 'thing-not-found',
    });
  });

  it('validates path params', async () => {
    const res = await inject({ method: 'GET', url: '/things/missing/zzz' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('id');
  });

  it('validates and coerces the query', async () => {
    expect((await inject({ method: 'GET', url: '/things?limit=5' })).json()).toEqual({ limit: 5 });
    const bad = await inject({ method: 'GET', url: '/things?limit=0&other=1' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<ProblemDetails>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['limit', 'other']);
  });

  it('answers a body over the limit with 413', async () => {
    const res = await inject({
      method: 'POST',
      url: '/things',
      payload: { name: 'x'.repeat(2000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload-too-large', status: 413 });
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported-media-type', status: 415 });
  });

  it('maps a raw ZodError to 400', async () => {
    const res = await inject({ method: 'GET', url: '/things/zod' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('a.b');
  });

  it('hides unexpected errors behind a generic 500 and logs the stack', async () => {
    const res = await inject({
      method: 'GET',
      url: '/things/boom',
      headers: { 'x-correlation-id': 'boom-1' },
    });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toMatchObject({ code: 'internal-error', correlationId: 'boom-1' });
    expect(JSON.stringify(body)).not.toContain('secret');
    const logged = logs.lines.filter(
      (l) => l['correlationId'] === 'boom-1' && l['level'] === 'error',
    );
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ msg: 'request errored', res: { statusCode: 500 } });
    expect(JSON.stringify(logged[0])).toContain('at ThingsController.boom');
  });

  it('echoes the correlation id and carries it into handler logs', async () => {
    const res = await inject({
      method: 'GET',
      url: '/things/context',
      headers: { 'x-correlation-id': 'abc-123' },
    });
    expect(res.headers['x-correlation-id']).toBe('abc-123');
    expect(res.json()).toEqual({ correlationId: 'abc-123' });
    const line = logs.withMessage('inside the handler').at(-1);
    expect(line).toMatchObject({ service: 'test-service', correlationId: 'abc-123' });
  });

  it('generates a UUID correlation id when none (or a bad one) is sent', async () => {
    const res = await inject({
      method: 'POST',
      url: '/things',
      headers: { 'x-correlation-id': 'bad id\n' },
      payload: { name: 'n' },
    });
    expect(res.statusCode).toBe(201);
    const id = res.headers['x-correlation-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json().correlationId).toBe(id);
  });

  it('redacts authorization and cookies in request logs', async () => {
    await inject({
      method: 'GET',
      url: '/things',
      headers: {
        authorization: 'Bearer s3cret',
        cookie: 'sid=s3cret',
        'x-correlation-id': 'redact-1',
      },
    });
    const line = logs.lines.find(
      (l) => l['correlationId'] === 'redact-1' && l['req'] !== undefined,
    );
    expect(line).toBeDefined();
    expect(JSON.stringify(line)).not.toContain('s3cret');
  });
});
