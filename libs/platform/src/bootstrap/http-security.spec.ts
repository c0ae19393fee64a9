import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions } from 'fastify';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { parseConfig } from '../config/load-config';
import { createSecuredHttpTestApp } from '../testing/secured-http-test-app';
import { httpSecurityConfigSchema } from './http-security.config';

const TOKENS: Record<string, string> = { 'token-alice': 'alice', 'token-bob': 'bob' };
const subjectOf = (token: string) => Promise.resolve(TOKENS[token]);

describe('HTTP security configuration', () => {
  it('has defaults that allow no cross-origin call and trust only private proxies', () => {
    const result = parseConfig(httpSecurityConfigSchema, {});
    expect(result).toMatchObject({
      ok: true,
      config: {
        HTTP_RATE_LIMIT_MAX: 1000,
        HTTP_RATE_LIMIT_WINDOW_MS: 60_000,
        HTTP_CORS_ORIGINS: [],
        HTTP_TRUSTED_PROXIES: ['loopback', 'linklocal', 'uniquelocal'],
        HTTP_REQUEST_TIMEOUT_MS: 30_000,
      },
    });
  });

  it('names every bad variable', () => {
    const result = parseConfig(httpSecurityConfigSchema, {
      HTTP_RATE_LIMIT_MAX: '-1',
      HTTP_CORS_ORIGINS: 'https://ok.example.org, *, https://x.example.org/path',
      HTTP_TRUSTED_PROXIES: '10.0.0.0/8,10.0.0.0/99,everyone',
      HTTP_REQUEST_TIMEOUT_MS: 'soon',
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.variable)).toEqual([
      'HTTP_CORS_ORIGINS',
      'HTTP_RATE_LIMIT_MAX',
      'HTTP_REQUEST_TIMEOUT_MS',
      'HTTP_TRUSTED_PROXIES',
    ]);
    expect(errors[0]?.message).toContain('"*"');
    expect(errors[0]?.message).toContain('"https://x.example.org/path"');
    expect(errors[3]?.message).toContain('"10.0.0.0/99", "everyone"');
  });
});

describe('HTTP security over Fastify', () => {
  let app: NestFastifyApplication;
  const inject = (opts: InjectOptions) => app.getHttpAdapter().getInstance().inject(opts);

  beforeAll(async () => {
    ({ app } = await createSecuredHttpTestApp({
      security: {
        HTTP_RATE_LIMIT_MAX: '3',
        HTTP_RATE_LIMIT_WINDOW_MS: '60000',
        HTTP_CORS_ORIGINS: 'https://app.example.org',
      },
      subjectOf,
    }));
  });
  afterAll(async () => {
    await app.close();
  });

  describe('rate limits', () => {
    it('answers 429 problem+json with Retry-After once a client exceeds the limit', async () => {
      const from = { remoteAddress: '192.0.2.10' };
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await inject({ method: 'GET', url: '/echo', ...from })).statusCode);
      }
      const limited = await inject({ method: 'GET', url: '/echo', ...from });
      expect(statuses).toEqual([200, 200, 200]);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json()).toMatchObject({
        status: 429,
        code: 'rate-limited',
        instance: '/echo',
      });
      // Another address has its own budget.
      expect(
        (await inject({ method: 'GET', url: '/echo', remoteAddress: '192.0.2.11' })).statusCode,
      ).toBe(200);
    });

    it('keys verified callers by subject, not by address', async () => {
      const address = { remoteAddress: '192.0.2.20' };
      const as = (token: string) => ({ ...address, headers: { authorization: `Bearer ${token}` } });
      for (let i = 0; i < 3; i++) {
        expect(
          (await inject({ method: 'GET', url: '/echo', ...as('token-alice') })).statusCode,
        ).toBe(200);
      }
      expect((await inject({ method: 'GET', url: '/echo', ...as('token-alice') })).statusCode).toBe(
        429,
      );
      // Same address, another subject: its own budget.
      expect((await inject({ method: 'GET', url: '/echo', ...as('token-bob') })).statusCode).toBe(
        200,
      );
      // A token that does not verify counts against the address, so made-up tokens do not
      // open fresh buckets.
      for (let i = 0; i < 3; i++) {
        expect(
          (await inject({ method: 'GET', url: '/echo', ...as(`forged-${i}`) })).statusCode,
        ).toBe(200);
      }
      expect((await inject({ method: 'GET', url: '/echo', ...as('forged-x') })).statusCode).toBe(
        429,
      );
    });

    it('ignores X-Forwarded-For from an untrusted peer', async () => {
      const spoofed = (i: number) => ({
        remoteAddress: '203.0.113.5',
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
      });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await inject({ method: 'GET', url: '/echo', ...spoofed(i) })).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    });

    it('believes X-Forwarded-For from a trusted (private) proxy', async () => {
      const viaProxy = (client: string) => ({
        remoteAddress: '10.1.2.3',
        headers: { 'x-forwarded-for': client },
      });
      for (let i = 0; i < 3; i++) {
        await inject({ method: 'GET', url: '/echo', ...viaProxy('198.51.100.77') });
      }
      expect(
        (await inject({ method: 'GET', url: '/echo', ...viaProxy('198.51.100.77') })).statusCode,
      ).toBe(429);
      expect(
        (await inject({ method: 'GET', url: '/echo', ...viaProxy('198.51.100.78') })).statusCode,
      ).toBe(200);
    });

    it('never throttles health probes and metrics scrapes', async () => {
      const from = { remoteAddress: '192.0.2.30' };
      for (let i = 0; i < 6; i++) {
        expect((await inject({ method: 'GET', url: '/health/live', ...from })).statusCode).toBe(
          200,
        );
        expect((await inject({ method: 'GET', url: '/metrics', ...from })).statusCode).toBe(200);
      }
    });
  });

  describe('security headers', () => {
    it('sets helmet headers on answers and on problem+json errors', async () => {
      for (const res of [
        await inject({ method: 'GET', url: '/echo', remoteAddress: '192.0.2.40' }),
        await inject({ method: 'GET', url: '/nope', remoteAddress: '192.0.2.40' }),
      ]) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['strict-transport-security']).toContain('max-age=');
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('keeps Swagger UI working: its page loads only scripts the policy allows', async () => {
      // One address per request: this test is about the page, not the limit of 3.
      let host = 100;
      const remoteAddress = () => `192.0.2.${host++}`;
      const page = await inject({ method: 'GET', url: '/docs', remoteAddress: remoteAddress() });
      expect(page.statusCode).toBe(200);
      const csp = page.headers['content-security-policy'] as string;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, inline] of scripts) {
        // No inline script (it would be blocked): each is a same-origin file that loads.
        expect(inline?.trim()).toBe('');
        const src = /src=['"]([^'"]+)['"]/.exec(attributes ?? '')?.[1] ?? '';
        const resolved = new URL(src, 'http://service.local/docs');
        expect(resolved.origin).toBe('http://service.local');
        const url = resolved.pathname;
        const file = await inject({ method: 'GET', url, remoteAddress: remoteAddress() });
        expect({ url, status: file.statusCode }).toEqual({ url, status: 200 });
      }
      const json = await inject({
        method: 'GET',
        url: '/docs/openapi.json',
        remoteAddress: remoteAddress(),
      });
      expect(json.json()).toMatchObject({ info: { title: 'Echo' } });
    });
  });

  describe('CORS', () => {
    it('answers an allowed origin, preflight included', async () => {
      const preflight = await inject({
        method: 'OPTIONS',
        url: '/echo',
        remoteAddress: '192.0.2.50',
        headers: {
          origin: 'https://app.example.org',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.org');
      expect(preflight.headers['access-control-allow-headers']).toContain('Authorization');
      const get = await inject({
        method: 'GET',
        url: '/echo',
        remoteAddress: '192.0.2.50',
        headers: { origin: 'https://app.example.org' },
      });
      expect(get.headers['access-control-allow-origin']).toBe('https://app.example.org');
      expect(get.headers['vary']).toContain('Origin');
    });

    it('grants nothing to an origin outside the list', async () => {
      for (const origin of [
        'https://evil.example.org',
        'null',
        'https://app.example.org.evil.test',
      ]) {
        const res = await inject({
          method: 'GET',
          url: '/echo',
          remoteAddress: '192.0.2.51',
          headers: { origin },
        });
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      }
    });
  });

  it('answers router-level errors (an over-long path parameter, a malformed URL) as problem+json', async () => {
    const statuses: number[] = [];
    for (const url of [`/echo/${'9'.repeat(500)}`, '/echo/%E0%A4%A']) {
      const res = await inject({ method: 'GET', url, remoteAddress: '192.0.2.61' });
      expect([400, 404, 414]).toContain(res.statusCode);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(res.json()).toMatchObject({ status: res.statusCode });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([414, 400]);
  });

  it('answers a body over the limit with 413 problem+json and does not run the handler', async () => {
    const res = await inject({
      method: 'POST',
      url: '/echo',
      remoteAddress: '192.0.2.60',
      payload: { text: 'x'.repeat(2048) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.json()).toMatchObject({ code: 'payload-too-large', status: 413 });
  });
});

describe('HTTP security defaults', () => {
  it('send no CORS headers to any origin', async () => {
    const { app } = await createSecuredHttpTestApp({});
    try {
      const res = await app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'OPTIONS',
          url: '/echo',
          headers: { origin: 'https://app.example.org', 'access-control-request-method': 'GET' },
        });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});

describe('HTTP server timeouts (listening server)', () => {
  let app: NestFastifyApplication;
  let port: number;

  beforeAll(async () => {
    ({ app } = await createSecuredHttpTestApp({
      security: { HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '1000' },
    }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
  });

  it('applies the configured timeouts to the server', () => {
    const server = app.getHttpServer();
    expect(server.requestTimeout).toBe(1000);
    expect(server.headersTimeout).toBe(1000);
    expect(server.keepAliveTimeout).toBe(72_000);
  });

  it('answers 408 and closes the connection of a client that never finishes its request', async () => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.write(
      'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
    );
    try {
      await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    } finally {
      socket.destroy();
    }
    expect(Buffer.concat(received).toString('latin1')).toMatch(/^HTTP\/1\.1 408/);
  }, 10_000);
});
