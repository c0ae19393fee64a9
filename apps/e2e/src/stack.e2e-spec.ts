import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { infraControl, SERVICES, uniqueName, waitFor, type ServiceName } from '@medmentor/testing';
import { api, Stack } from './stack';

const names = Object.keys(SERVICES) as ServiceName[];

describe('the four services as processes on the real broker and database', () => {
  const stack = new Stack();
  let stopped = false;

  beforeAll(async () => {
    await stack.start();
  }, 180_000);

  afterAll(async () => {
    if (!stopped) await stack.kill();
  });

  it('reports every service live and ready, with metrics and an OpenAPI document', async () => {
    for (const name of names) {
      const service = stack.services[name];
      expect(await service.health('live')).toMatchObject({ status: 200 });
      expect(await service.health('ready')).toMatchObject({ status: 200 });
      const metrics = await fetch(`${service.url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/process_cpu_user_seconds_total/);
      const openapi = await api(`${service.url}/docs/openapi.json`);
      expect(openapi.status).toBe(200);
      expect(openapi.body).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
      // The committed document is the one the service serves (`npm run docs:openapi`).
      const committed = readFileSync(join(__dirname, '../../../docs/openapi', `${name}.json`), 'utf8');
      expect(openapi.body).toEqual(JSON.parse(committed));
    }
  });

  it('carries a ping from profiles through the outbox and Kafka to notifications', async () => {
    const tenant = uniqueName('tenant');
    const token = await stack.token(tenant, ['org-admin']);
    const sent = await api(`${stack.services.profiles.url}/api/v1/diagnostics/pings`, {
      method: 'POST',
      token,
      body: { message: 'hello from e2e' },
    });
    expect(sent.status).toBe(202);
    const pingId = sent.body.pingId as string;

    const receipt = await waitFor(
      async () => {
        const res = await api(`${stack.services.notifications.url}/api/v1/diagnostics/ping-receipts/${pingId}`, { token });
        return res.status === 200 ? res.body : undefined;
      },
      { timeoutMs: 30_000, description: 'the ping receipt' },
    );
    expect(receipt).toMatchObject({ pingId, tenantId: tenant, message: 'hello from e2e', applications: 1 });

    const ping = await waitFor(async () => {
      const res = await api(`${stack.services.profiles.url}/api/v1/diagnostics/pings/${pingId}`, { token });
      return res.body.published === true ? res.body : undefined;
    });
    expect(ping).toMatchObject({ pingId, published: true });

    const consumed = await (await fetch(`${stack.services.notifications.url}/metrics`)).text();
    expect(consumed).toMatch(/medmentor_events_processed_total\{[^}]*result="applied"[^}]*\} [1-9]/);
    const produced = await (await fetch(`${stack.services.profiles.url}/metrics`)).text();
    expect(produced).toMatch(/medmentor_outbox_pending_documents\{[^}]*collection="diagnostic_pings"[^}]*\} 0/);

    const otherTenant = await stack.token(uniqueName('tenant'), ['org-admin']);
    const hidden = await api(`${stack.services.notifications.url}/api/v1/diagnostics/ping-receipts/${pingId}`, { token: otherTenant });
    expect(hidden.status).toBe(404);
    expect(hidden.contentType).toMatch(/application\/problem\+json/);
  });

  it('answers client mistakes with problem+json and never a 500', async () => {
    const url = `${stack.services.profiles.url}/api/v1/diagnostics/pings`;
    const token = await stack.token(uniqueName('tenant'), ['org-admin']);
    const cases = [
      { init: { method: 'POST', body: {} }, status: 401 },
      { init: { method: 'POST', token: await stack.token('t', ['mentee']), body: {} }, status: 403 },
      { init: { method: 'POST', token, body: '{"message": ' }, status: 400 },
      { init: { method: 'POST', token, body: { message: 42 } }, status: 400 },
      { init: { method: 'POST', token, body: { message: 'x', $where: '1' } }, status: 400 },
      { init: { method: 'GET', token }, status: 400, path: '/not-a-uuid' },
      { init: { method: 'GET', token }, status: 404, path: '/00000000-0000-4000-8000-000000000000' },
    ];
    for (const { init, status, path } of cases) {
      const res = await api(`${url}${path ?? ''}`, init);
      expect({ status: res.status, type: res.contentType }).toEqual({ status, type: expect.stringMatching(/problem\+json/) });
      expect(res.body).toMatchObject({ status, title: expect.any(String) });
    }
    const invalid = await api(url, { method: 'POST', token, body: { message: 42 } });
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'message' })]);
  });

  it('turns readiness to 503 while the broker is down, keeps liveness, and loses no event', async () => {
    const tenant = uniqueName('tenant');
    const token = await stack.token(tenant, ['org-admin']);
    const sendPing = async (message: string) => {
      const res = await api(`${stack.services.profiles.url}/api/v1/diagnostics/pings`, { method: 'POST', token, body: { message } });
      expect(res.status).toBe(202);
      return res.body.pingId as string;
    };
    const pingIds: string[] = [];

    await infraControl('kafka', 'stop');
    try {
      await Promise.all(
        names.map((name) =>
          waitFor(async () => (await stack.services[name].health('ready')).status === 503, {
            timeoutMs: 30_000,
            description: `${name} not ready without the broker`,
          }),
        ),
      );
      for (const name of names) {
        expect((await stack.services[name].health('live')).status).toBe(200);
      }
      // Writes go on while the broker is away; their events wait in the outbox.
      for (let n = 0; n < 5; n += 1) pingIds.push(await sendPing(`during outage ${n}`));
      // A profiles process killed after the state write and before publishing.
      await stack.services.profiles.kill();
    } finally {
      await infraControl('kafka', 'start');
    }
    stack.services.profiles.start();
    await Promise.all(
      names.map((name) =>
        waitFor(async () => (await stack.services[name].health('ready')).status === 200, {
          timeoutMs: 90_000,
          description: `${name} ready again`,
        }),
      ),
    );
    for (const pingId of pingIds) {
      const receipt = await waitFor(
        async () => {
          const res = await api(`${stack.services.notifications.url}/api/v1/diagnostics/ping-receipts/${pingId}`, { token });
          return res.status === 200 ? res.body : undefined;
        },
        { timeoutMs: 60_000, description: `the receipt of ${pingId}` },
      );
      expect(receipt).toMatchObject({ pingId, applications: 1 });
    }
  }, 300_000);

  it('shuts every service down cleanly on SIGTERM', async () => {
    stopped = true;
    expect(await stack.stop()).toEqual(Object.fromEntries(names.map((name) => [name, 0])));
  });
});
