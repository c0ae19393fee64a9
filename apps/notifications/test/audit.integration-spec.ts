// Administrative changes in notifications (templates, webhooks, admin contacts) are in the
// tenant's audit log, with ids and field names only, readable by that tenant's org admin only.
import { uniqueName } from '@medmentor/testing';
import { NotificationsTestApp } from './notifications-test-app';
import { WebhookReceiver } from './webhook-receiver';

interface AuditEvent {
  tenantId: string;
  service: string;
  action: string;
  actor: { subject: string; roles: string[] };
  resource: { type: string; id: string };
  summary: Record<string, unknown>;
  origin: { userAgent?: string; correlationId?: string };
}

describe('audit log of notifications administration (real database)', () => {
  let it$: NotificationsTestApp;
  let receiver: WebhookReceiver;
  const tenantId = uniqueName('tenant');

  beforeAll(async () => {
    it$ = await NotificationsTestApp.start();
    receiver = await WebhookReceiver.start([], 204);
  }, 120_000);

  afterAll(async () => {
    await receiver?.stop();
    await it$?.close();
  });

  const events = async (token: string) =>
    it$.call<{ items: AuditEvent[] }>('GET', '/api/v1/audit-events?limit=100', { token });

  it('records template, webhook and admin-contact changes for the org admin of the tenant only', async () => {
    const admin = await it$.token(tenantId, ['org-admin']);
    const headers = { 'user-agent': 'audit-it/1', 'x-correlation-id': 'audit-it-1' };
    const secretPath = `/hook/${uniqueName('token')}`;
    const url = receiver.url.replace('/hook', secretPath);

    const refused = await it$.call('POST', '/api/v1/webhooks', {
      token: admin,
      body: { url: 'ftp://hooks.example.org/x' },
    });
    expect(refused.status).toBe(400);
    const hook = await it$.call<{ id: string; secret: string }>('POST', '/api/v1/webhooks', {
      token: admin,
      headers,
      body: { url, kinds: ['match-expired'] },
    });
    expect(hook.status).toBe(201);
    const base = `/api/v1/webhooks/${hook.body.id}`;
    expect(
      (await it$.call('PATCH', base, { token: admin, body: { kinds: ['match-proposed'] } })).status,
    ).toBe(200);
    const rotated = await it$.call<{ secret: string }>('POST', `${base}/rotate-secret`, {
      token: admin,
    });
    expect(rotated.status).toBe(200);
    expect((await it$.call('DELETE', base, { token: admin })).status).toBe(204);

    const template = '/api/v1/templates/match-proposed/email';
    expect(
      (
        await it$.call('PUT', template, {
          token: admin,
          body: { subject: 'Private subject text', text: 'Private body text' },
        })
      ).status,
    ).toBe(200);
    expect((await it$.call('DELETE', template, { token: admin })).status).toBe(204);

    const contact = await it$.call<{ id: string }>('POST', '/api/v1/admin-contacts', {
      token: admin,
      body: { name: 'Dana Admin', email: 'dana.admin@example.org' },
    });
    expect(contact.status).toBe(201);
    expect(
      (await it$.call('DELETE', `/api/v1/admin-contacts/${contact.body.id}`, { token: admin }))
        .status,
    ).toBe(204);

    const read = await events(admin);
    expect(read.status).toBe(200);
    const actions = read.body.items.map((e) => `${e.action} ${e.resource.type}:${e.resource.id}`);
    expect(actions.sort()).toEqual(
      [
        `webhook.created webhook:${hook.body.id}`,
        `webhook.updated webhook:${hook.body.id}`,
        `webhook.secret-rotated webhook:${hook.body.id}`,
        `webhook.deleted webhook:${hook.body.id}`,
        'template.changed template:match-proposed/email',
        'template.reset template:match-proposed/email',
        `admin-contact.created admin-contact:${contact.body.id}`,
        `admin-contact.deleted admin-contact:${contact.body.id}`,
      ].sort(),
    );
    for (const event of read.body.items)
      expect(event).toMatchObject({
        tenantId,
        service: 'notifications',
        actor: { subject: 'it-org-admin', roles: ['org-admin'] },
      });
    const created = read.body.items.find((e) => e.action === 'webhook.created');
    expect(created).toMatchObject({
      summary: { host: new URL(url).host, kinds: ['match-expired'] },
      origin: { userAgent: 'audit-it/1', correlationId: 'audit-it-1' },
    });
    expect(read.body.items.find((e) => e.action === 'template.changed')?.summary).toEqual({
      kind: 'match-proposed',
      channel: 'email',
      fields: ['subject', 'text'],
    });
    // Ids and field names only: no secret, no URL path (it may hold a token), no text, no address.
    const text = JSON.stringify(read.body);
    for (const value of [
      hook.body.secret,
      rotated.body.secret,
      secretPath,
      'Private subject text',
      'Dana Admin',
      'dana.admin@example.org',
    ])
      expect(text).not.toContain(value);

    // Another tenant's org admin sees none of it; other roles of the tenant are refused.
    const other = await events(await it$.token(uniqueName('tenant'), ['org-admin']));
    expect(other.status).toBe(200);
    expect(other.body.items.filter((e) => e.tenantId === tenantId)).toEqual([]);
    expect(JSON.stringify(other.body)).not.toContain(hook.body.id);
    for (const role of ['program-admin', 'mentor', 'mentee'] as const)
      expect((await events(await it$.token(tenantId, [role]))).status).toBe(403);
    expect((await it$.call('GET', '/api/v1/audit-events')).status).toBe(401);
  });
});
