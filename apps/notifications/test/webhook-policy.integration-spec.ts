// Webhook URL policy with private targets NOT allowed (production's setting): refused URLs
// are 400 with the field and leave nothing stored; a name that resolves to a private address
// by the time of the call (DNS rebinding) is refused on the connection and recorded.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { uniqueName } from '@medmentor/testing';
import { HostResolver, type ResolvedAddress } from '../src/webhooks/host-resolver';
import {
  eventually as waitFor,
  expiredMatch,
  NotificationsTestApp,
  physicianSnapshot,
} from './notifications-test-app';

describe('webhook targets (private targets not allowed; real broker and database)', () => {
  let it$: NotificationsTestApp;
  const tenantId = uniqueName('tenant');
  /** Names under .test answer from here; every other name goes to the system resolver. */
  const names = new Map<string, ResolvedAddress[]>();

  beforeAll(async () => {
    it$ = await NotificationsTestApp.start({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' });
    const resolver = it$.get(HostResolver);
    const system = resolver.resolve.bind(resolver);
    resolver.resolve = async (hostname) =>
      hostname.endsWith('.test') ? (names.get(hostname) ?? []) : system(hostname);
  }, 120_000);

  afterAll(async () => {
    await it$?.close();
  });

  const admin = () => it$.token(tenantId, ['org-admin']);
  const stored = () => it$.connection.collection('webhooks').countDocuments({ tenantId });

  it.each([
    ['http://hooks.example.org/x', 'must use https'],
    ['https://127.0.0.1:8443/hook', 'points to a loopback address'],
    ['https://[::1]/hook', 'points to a loopback address'],
    ['https://10.1.2.3/hook', 'points to a private address'],
    ['https://172.16.0.1/hook', 'points to a private address'],
    ['https://192.168.1.1/hook', 'points to a private address'],
    ['https://[fd00::1]/hook', 'points to a private address'],
    ['https://169.254.169.254/latest/meta-data', 'points to a link-local address'],
    ['https://0.0.0.0/hook', 'points to a this-network address'],
    ['https://localhost/hook', 'localhost resolves to a loopback address'],
    ['https://no-such-host.invalid/hook', 'host does not resolve'],
    ['https://private.medmentor.test/hook', 'private.medmentor.test resolves to a private address'],
  ])('refuses %s with 400 naming the url (%s), storing nothing', async (url, reason) => {
    names.set('private.medmentor.test', [
      { address: '203.0.113.9', family: 4 },
      { address: '10.0.0.9', family: 4 },
    ]);
    const reply = await it$.call('POST', '/api/v1/webhooks', {
      token: await admin(),
      body: { url },
    });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.body).toMatchObject({
      code: 'webhook-url-refused',
      errors: [{ field: 'url', message: reason }],
    });
    expect(await stored()).toBe(0);
  });

  it('refuses a changed URL the same way, leaving the webhook as it was', async () => {
    names.set('hooks.public.test', [{ address: '203.0.113.20', family: 4 }]);
    const created = await it$.call<{ id: string }>('POST', '/api/v1/webhooks', {
      token: await admin(),
      body: { url: 'https://hooks.public.test/a' },
    });
    expect(created.status).toBe(201);
    const before = await it$.connection
      .collection('webhooks')
      .findOne({ _id: created.body.id as never });
    const reply = await it$.call('PATCH', `/api/v1/webhooks/${created.body.id}`, {
      token: await admin(),
      body: { url: 'https://169.254.169.254/latest/meta-data', kinds: ['match-proposed'] },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      code: 'webhook-url-refused',
      errors: [{ field: 'url', message: 'points to a link-local address' }],
    });
    expect(
      await it$.connection.collection('webhooks').findOne({ _id: created.body.id as never }),
    ).toEqual(before);
    await it$.call('DELETE', `/api/v1/webhooks/${created.body.id}`, { token: await admin() });
  });

  it('refuses the call when the name resolves to loopback at delivery time, and records why', async () => {
    // Counts connections: the refused call must not even open one.
    const sockets: Socket[] = [];
    const server: Server = createServer((socket) => {
      sockets.push(socket);
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      names.set('hooks.rebind.test', [{ address: '203.0.113.7', family: 4 }]);
      const created = await it$.call<{ id: string }>('POST', '/api/v1/webhooks', {
        token: await admin(),
        body: { url: `https://hooks.rebind.test:${port}/hook`, kinds: ['match-expired'] },
      });
      expect(created.status).toBe(201);
      names.set('hooks.rebind.test', [{ address: '127.0.0.1', family: 4 }]);
      const a = physicianSnapshot(tenantId);
      const b = physicianSnapshot(tenantId);
      for (const p of [a, b]) {
        await it$.publish('medmentor.profiles.physician.registered', p, tenantId);
        await waitFor(
          async () =>
            (await it$.connection
              .collection('contacts')
              .findOne({ _id: p.physicianId as never })) ?? undefined,
        );
      }
      const event = await it$.publish(
        'medmentor.matching.match.expired',
        expiredMatch(tenantId, a.physicianId, b.physicianId),
        tenantId,
      );
      const [delivery] = await it$.settled(
        { sourceEventId: event.envelope.id, channel: 'webhook' },
        1,
      );
      const reason = 'webhook target refused: hooks.rebind.test resolves to a loopback address';
      expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastError: reason });
      const letter = await waitFor(
        async () =>
          (await it$.connection
            .collection('delivery_dead_letters')
            .findOne({ _id: delivery?.['_id'] as never })) ?? undefined,
      );
      expect(letter).toMatchObject({ tenantId, channel: 'webhook', attempts: 1, reason });
      expect(sockets).toHaveLength(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
