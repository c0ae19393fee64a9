import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { Role } from '@medmentor/auth';
import { deadLetterTopicOf, eventCatalog } from '@medmentor/contracts';
import { kafkaBrokers, KafkaReader, waitFor } from '@medmentor/testing';
import { Stack } from './stack';
import {
  hostileBody,
  hostileParam,
  hostileQuery,
  type HostileBody,
} from './security/hostile-input';
import { isolationCaseOf, isolationKeys, type OperationCase } from './security/isolation-table';
import { KNOWN_ISSUES, type KnownIssue } from './security/known-issues';
import {
  encodeHostile,
  fillPath,
  loadOperations,
  type Operation,
} from './security/openapi-operations';
import { changedCollections, settledSnapshot } from './security/db-snapshot';
import { createTenantFixtures, type TenantFixtures } from './security/tenant-fixtures';

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

interface Call {
  method: string;
  url: string;
  token?: string;
  headers?: Record<string, string>;
  body?:
    | HostileBody
    | { kind: 'json'; value: unknown }
    | { kind: 'raw'; text: string; contentType: string };
}

const call = async ({ method, url, token, headers = {}, body }: Call): Promise<Answer> => {
  const init: RequestInit = {
    method,
    headers: {
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
      ...(body?.kind === 'json' && { 'content-type': 'application/json' }),
      ...(body?.kind === 'raw' && { 'content-type': body.contentType }),
      ...headers,
    },
    ...(body !== undefined && {
      body: body.kind === 'json' ? JSON.stringify(body.value) : body.text,
    }),
    signal: AbortSignal.timeout(15_000),
  };
  const response = await fetch(url, init);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
};

const operations = loadOperations();
const TENANT_ROLES: Role[] = ['org-admin', 'program-admin', 'mentor', 'mentee'];

/** Tenant B's strings in a response, after removing what the caller itself sent. */
const leakedSecrets = (answer: Answer, request: Call, b: TenantFixtures): string[] => {
  let text = answer.text;
  const sent = [
    request.url,
    ...(request.body?.kind === 'json' ? [JSON.stringify(request.body.value)] : []),
  ];
  for (const secret of b.secrets) {
    if (sent.some((s) => s.includes(secret) || s.includes(encodeURIComponent(secret))))
      text = text.split(secret).join('');
  }
  return b.secrets.filter((secret) => text.includes(secret));
};

describe('security: tenant isolation, hostile input, dead letters and secrets in logs', () => {
  const stack = new Stack();
  let a: TenantFixtures;
  let b: TenantFixtures;

  beforeAll(async () => {
    await stack.start();
    a = await createTenantFixtures(stack, 'A');
    b = await createTenantFixtures(stack, 'B');
  }, 240_000);

  afterAll(async () => {
    await stack.kill();
  });

  const requestFor = (
    operation: Operation,
    row: OperationCase,
    ids: Record<string, string>,
  ): Pick<Call, 'method' | 'url' | 'body'> => {
    const params: Record<string, string> = {};
    for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
      const source = row.params?.[parameter.name] ?? 'nowhere';
      params[parameter.name] = source.startsWith('=')
        ? source.slice(1)
        : source === 'nowhere'
          ? randomUUID()
          : (ids[source] ?? randomUUID());
    }
    const query =
      row.query === undefined
        ? ''
        : `?${new URLSearchParams(row.query as Record<string, string>).toString()}`;
    const value = row.body?.(ids);
    const body =
      value === undefined
        ? undefined
        : row.contentType === undefined
          ? ({ kind: 'json', value } as const)
          : ({
              kind: 'raw',
              text: typeof value === 'string' ? value : JSON.stringify(value),
              contentType: row.contentType,
            } as const);
    return {
      method: operation.method,
      url: `${stack.services[operation.service].url}${fillPath(operation.path, params)}${query}`,
      ...(body && { body }),
    };
  };

  it('has an isolation case for every operation of every OpenAPI document, and none for operations that are gone', () => {
    const documented = operations.map((o) => o.key);
    expect(documented.length).toBeGreaterThan(0);
    expect(operations.filter((o) => isolationCaseOf(o) === undefined).map((o) => o.key)).toEqual(
      [],
    );
    expect(isolationKeys().filter((key) => !documented.includes(key))).toEqual([]);
    // The service is part of the key: the same path in two services is two operations.
    expect(new Set(documented).size).toBe(documented.length);
    expect(documented.filter((key) => key.endsWith(' GET /api/v1/audit-events'))).toEqual(
      expect.arrayContaining([
        'matching GET /api/v1/audit-events',
        'notifications GET /api/v1/audit-events',
        'profiles GET /api/v1/audit-events',
      ]),
    );
  });

  it('caps every page size at 100', () => {
    for (const operation of operations) {
      const limit = operation.parameters.find((p) => p.in === 'query' && p.name === 'limit');
      if (limit !== undefined)
        expect({ op: operation.key, maximum: limit.schema['maximum'] }).toEqual({
          op: operation.key,
          maximum: 100,
        });
    }
  });

  it('made every tenant fixture through the public APIs', () => {
    expect({ a: a.failures, b: b.failures }).toEqual({ a: [], b: [] });
  });

  it("gives no caller from tenant A, and no one without a token, a byte of tenant B's data, and changes none of it", async () => {
    const before = await settledSnapshot(stack, b.tenantId);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    const physicianA = a.ids['physician'];
    const callers: { name: string; token?: string; headers?: Record<string, string> }[] = [
      { name: 'anonymous' },
    ];
    for (const role of TENANT_ROLES) {
      const physician = role === 'mentor' || role === 'mentee' ? { physicianId: physicianA } : {};
      callers.push({
        name: `A ${role}`,
        token: await stack.tokenWith({
          tenantId: a.tenantId,
          roles: [role],
          subject: `a-${role}`,
          ...physician,
        }),
      });
    }
    callers.push({
      name: 'A org-admin naming B in X-Tenant-Id',
      token: callers[1]?.token,
      headers: { 'x-tenant-id': b.tenantId },
    });

    const problems: string[] = [];
    for (const operation of operations) {
      const row = isolationCaseOf(operation);
      if (row === undefined) continue;
      for (const caller of callers) {
        const request: Call = {
          ...requestFor(operation, row, b.ids),
          ...(caller.token && { token: caller.token }),
          ...(caller.headers && { headers: caller.headers }),
        };
        const answer = await call(request);
        const where = `${operation.key} as ${caller.name} -> ${answer.status}`;
        const leaks = leakedSecrets(answer, request, b);
        if (leaks.length > 0)
          problems.push(`${where} LEAKS ${leaks.join(', ')}: ${answer.text.slice(0, 300)}`);
        const tolerated =
          answer.status >= 500 && tolerates(operation.key, 'server-error-from-tenant-a');
        if (answer.status >= 500 && !tolerated)
          problems.push(`${where}: server error ${answer.text.slice(0, 200)}`);
        if (answer.status >= 400 && !answer.contentType.includes('application/problem+json'))
          problems.push(`${where}: not problem+json (${answer.contentType})`);
        const ok = tolerated || expectedFor(row, caller.name, answer.status);
        if (!ok) problems.push(`${where}: not allowed for ${row.target}`);
      }
    }
    const after = await settledSnapshot(stack, b.tenantId);
    expect({ problems, changed: changedCollections(before, after) }).toEqual({
      problems: [],
      changed: [],
    });
  }, 300_000);

  it("lets tenant B's own roles do only what their role allows, changing nothing otherwise", async () => {
    const before = await settledSnapshot(stack, b.tenantId);
    const problems: string[] = [];
    for (const operation of operations) {
      const row = isolationCaseOf(operation);
      if (row === undefined) continue;
      for (const role of row.forbiddenInB ?? []) {
        const token = await stack.tokenWith({
          tenantId: b.tenantId,
          roles: [role],
          subject: `b-${role}-outsider`,
        });
        const request: Call = { ...requestFor(operation, row, b.ids), token };
        const answer = await call(request);
        if (![401, 403, 404].includes(answer.status))
          problems.push(
            `${operation.key} as B ${role} -> ${answer.status} ${answer.text.slice(0, 200)}`,
          );
      }
    }
    const after = await settledSnapshot(stack, b.tenantId);
    expect({ problems, changed: changedCollections(before, after) }).toEqual({
      problems: [],
      changed: [],
    });
  }, 300_000);

  it('answers hostile bodies, queries and path parameters on every operation with problem+json, never 5xx, and changes nothing', async () => {
    const before = await settledSnapshot(stack);
    const problems: string[] = [];
    for (const operation of operations) {
      const row = isolationCaseOf(operation) ?? { target: 'collection' };
      const token = operation.authenticated
        ? await stack.tokenWith({
            tenantId: a.tenantId,
            roles: ['org-admin'],
            subject: `fuzz-${operation.key}`,
            physicianId: a.ids['physician'],
          })
        : undefined;
      const pathParams = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      const hasQuery = operation.parameters.some((p) => p.in === 'query');
      // Ids that exist nowhere, so an input that slipped through validation still changes nothing.
      const base = requestFor(operation, row, {});
      const mutation = fc.oneof(
        ...(operation.bodyContentTypes.length > 0
          ? [
              hostileBody(operation)
                .filter(
                  (body) =>
                    !tolerates(operation.key, 'json-body') ||
                    (body.kind === 'raw' && body.contentType !== 'application/json'),
                )
                .map((body) => ({ body })),
            ]
          : []),
        ...(hasQuery ? [hostileQuery(operation).map((query) => ({ query }))] : []),
        fc
          // A hostile correlation id is replaced, so the request would go on: GETs only.
          .record({
            header:
              operation.method === 'GET'
                ? fc.constantFrom('x-correlation-id', 'x-tenant-id')
                : fc.constant('x-tenant-id'),
            value: hostileParam(),
          })
          .map(({ header, value }) => ({ header, value: encodeHostile(value).slice(0, 4000) })),
        ...(pathParams.length > 0 && !tolerates(operation.key, 'hostile-path-param')
          ? [fc.record({ param: fc.constantFrom(...pathParams), value: hostileParam() })]
          : []),
      );
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          let url = base.url;
          if ('param' in m) {
            const params: Record<string, string> = Object.fromEntries(
              pathParams.map((name) => [name, randomUUID()]),
            );
            params[m.param] = m.value;
            url = `${stack.services[operation.service].url}${fillPath(operation.path, params)}`;
          }
          if ('query' in m) url = `${url}${url.includes('?') ? '&' : '?'}${m.query}`;
          const request: Call = {
            method: operation.method,
            url,
            ...(token && { token }),
            ...('header' in m && { headers: { [m.header]: m.value } }),
            ...('body' in m ? { body: m.body } : base.body ? { body: base.body } : {}),
          };
          const answer = await call(request);
          const bad =
            answer.status >= 500 ||
            (answer.status >= 400 && !answer.contentType.includes('application/problem+json')) ||
            (operation.method !== 'GET' && answer.status < 400);
          if (bad)
            problems.push(
              `${operation.key} ${JSON.stringify(m).slice(0, 160)} -> ${answer.status} ${answer.contentType} ${answer.text.slice(0, 160)}`,
            );
          return true;
        }),
        { numRuns: 6, seed: 20261122 },
      );
    }
    const after = await settledSnapshot(stack);
    expect({
      problems: problems.slice(0, 40),
      count: problems.length,
      changed: changedCollections(before, after),
    }).toEqual({ problems: [], count: 0, changed: [] });
  }, 600_000);

  it('dead-letters garbage on every consumed topic with a reason, and the consumers go on', async () => {
    const consumed = [
      ...new Set(
        Object.values(eventCatalog)
          .filter((e) => e.consumers.length > 0)
          .map((e) => e.topic),
      ),
    ];
    const reader = await new KafkaReader().start(consumed.map(deadLetterTopicOf));
    const kafka = new Kafka({
      clientId: 'e2e-security',
      brokers: kafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const garbage = [
      '\u00ff\u00fe not json {',
      '{"$gt":""}',
      '{"__proto__":{"polluted":true},"specversion":"1.0"}',
      JSON.stringify({
        specversion: '1.0',
        id: randomUUID(),
        type: 'medmentor.unknown',
        source: 'x',
        data: { tenantId: { $ne: null } },
      }),
    ];
    const sent: { topic: string; key: string }[] = [];
    try {
      for (const topic of consumed) {
        for (const value of garbage) {
          const key = `garbage-${randomUUID()}`;
          await producer.send({ topic, messages: [{ key, value }] });
          sent.push({ topic, key });
        }
      }
    } finally {
      await producer.disconnect();
    }
    try {
      await waitFor(
        () =>
          sent.every(({ topic, key }) =>
            reader
              .on(deadLetterTopicOf(topic))
              .some((m) => m.key === key && (m.headers['dlq-reason'] ?? '') !== ''),
          ),
        {
          timeoutMs: 60_000,
          description: 'every garbage message on its dead-letter topic with a reason',
        },
      ).catch(() => {
        const missing = sent.filter(
          ({ topic, key }) => !reader.on(deadLetterTopicOf(topic)).some((m) => m.key === key),
        );
        throw new Error(`not dead-lettered: ${JSON.stringify(missing.map((m) => m.topic))}`);
      });
    } finally {
      await reader.stop();
    }
    // The consumers went on: a real event still travels end to end afterwards.
    const ping = await call({
      method: 'POST',
      url: `${stack.services.profiles.url}/api/v1/diagnostics/pings`,
      token: a.adminToken,
      body: { kind: 'json', value: { message: 'after garbage' } },
    });
    expect(ping.status).toBe(202);
    const pingId = (JSON.parse(ping.text) as { pingId: string }).pingId;
    await waitFor(
      async () =>
        (
          await call({
            method: 'GET',
            url: `${stack.services.notifications.url}/api/v1/diagnostics/ping-receipts/${pingId}`,
            token: a.adminToken,
          })
        ).status === 200,
      {
        timeoutMs: 30_000,
        description: 'the ping receipt after the garbage',
      },
    );
  }, 120_000);

  it('writes no bearer token, email address or phone number of the fixtures to the logs', () => {
    const files = readdirSync(stack.logDir).filter((name) => name.endsWith('.log'));
    expect(files.length).toBe(4);
    const emails = [a, b].flatMap((t) =>
      t.secrets.filter((s) => s.includes('@') || /^sec[ab]/.test(s)),
    );
    const phones = [a, b].flatMap((t) => t.secrets.filter((s) => s.startsWith('+1555')));
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(join(stack.logDir, file), 'utf8').split('\n');
      lines.forEach((line, index) => {
        const where = `${file}:${index + 1}`;
        if (/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./.test(line)) found.push(`${where}: a JWT`);
        if (/bearer\s+[A-Za-z0-9._-]{10,}/i.test(line)) found.push(`${where}: a bearer token`);
        for (const value of [...emails, ...phones])
          if (line.toLowerCase().includes(value.toLowerCase())) found.push(`${where}: ${value}`);
        if (/[A-Za-z0-9._%+-]+@example\.org/i.test(line)) found.push(`${where}: an email address`);
      });
    }
    expect(found.slice(0, 30)).toEqual([]);
  });
});

/** Whether a known defect (known-issues.ts) of this operation is tolerated in one respect. */
function tolerates(key: string, what: KnownIssue['tolerates']): boolean {
  const known = KNOWN_ISSUES[key];
  return known?.tolerates === what || known?.alsoTolerates === what;
}

/** Whether a status is an acceptable answer to a tenant-A (or anonymous) caller. */
function expectedFor(row: OperationCase, caller: string, status: number): boolean {
  // Capability links take no bearer token: a forged secret is a client error, whoever asks.
  if (row.target === 'capability') return status >= 400 && status < 500;
  if (caller === 'anonymous') return status === 401;
  if (caller.includes('X-Tenant-Id')) return status === 403;
  if (row.alsoAllowed?.includes(status)) return true;
  switch (row.target) {
    case 'b-resource':
      return status === 403 || status === 404;
    case 'scoped-list':
      return status === 403 || status === 404 || status === 200;
    case 'platform-only':
      return status === 403;
    case 'collection':
    case 'self':
      return status < 500;
  }
}
