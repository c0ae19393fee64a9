// Webhook signing secrets at rest: sealed with NOTIFICATIONS_SECRET_KEY (AES-256-GCM), never
// answered after creation or rotation, rotated per webhook, plain ones from before sealed at
// boot; a secret that cannot be opened fails the call at once with the reason.
import { randomBytes } from 'node:crypto';
import { uniqueName } from '@medmentor/testing';
import { SecretBox } from '../src/policy/secret-box';
import { verifyWebhook } from '../src/policy/webhook-signature';
import { WebhookService } from '../src/webhooks/webhook.service';
import {
  eventually as waitFor,
  expiredMatch,
  NotificationsTestApp,
  physicianSnapshot,
} from './notifications-test-app';
import { type ReceivedCall, WebhookReceiver } from './webhook-receiver';

describe('webhook secrets at rest (real broker and database)', () => {
  let it$: NotificationsTestApp;
  let receiver: WebhookReceiver;
  const tenantId = uniqueName('tenant');
  const pair: string[] = [];

  beforeAll(async () => {
    it$ = await NotificationsTestApp.start();
    receiver = await WebhookReceiver.start([], 204);
    for (let i = 0; i < 2; i += 1) {
      const p = physicianSnapshot(tenantId);
      await it$.publish('medmentor.profiles.physician.registered', p, tenantId);
      pair.push(p.physicianId);
    }
    await waitFor(async () =>
      (await it$.connection
        .collection('contacts')
        .countDocuments({ _id: { $in: pair as never[] } })) === 2
        ? true
        : undefined,
    );
  }, 120_000);

  afterAll(async () => {
    await receiver?.stop();
    await it$?.close();
  });

  const admin = () => it$.token(tenantId, ['org-admin']);
  const stored = (id: string) =>
    it$.connection.collection('webhooks').findOne({ _id: id as never });

  /** Publishes a match.expired event; resolves with the webhook delivery once settled. */
  const expireMatch = async () => {
    const event = await it$.publish(
      'medmentor.matching.match.expired',
      expiredMatch(tenantId, pair[0] ?? '', pair[1] ?? ''),
      tenantId,
    );
    const [delivery] = await it$.settled(
      { sourceEventId: event.envelope.id, channel: 'webhook' },
      1,
    );
    return delivery ?? {};
  };

  const callOf = (deliveryId: unknown): ReceivedCall | undefined =>
    receiver.calls.find((c) => c.headers['x-medmentor-delivery'] === deliveryId);

  const signedWith = (secret: string, call: ReceivedCall | undefined): boolean =>
    call !== undefined &&
    verifyWebhook(
      secret,
      String(call.headers['x-medmentor-signature']),
      Number(call.headers['x-medmentor-timestamp']),
      call.body,
      call.receivedAtSeconds,
    );

  it('stores the secret sealed, answers it only once, and signs with it; rotation replaces it at once', async () => {
    const created = await it$.call<{ id: string; secret: string }>('POST', '/api/v1/webhooks', {
      token: await admin(),
      body: { url: receiver.url, kinds: ['match-expired'] },
    });
    expect(created.status).toBe(201);
    const first = created.body.secret;
    expect(first).toMatch(/^whsec_/);
    const doc = await stored(created.body.id);
    expect(doc?.['secret']).toMatch(/^v1\./);
    expect(JSON.stringify(doc)).not.toContain(first.slice('whsec_'.length));

    const listed = await it$.call('GET', '/api/v1/webhooks', { token: await admin() });
    expect(JSON.stringify(listed.body)).not.toContain(first);
    expect(JSON.stringify(listed.body)).not.toContain(String(doc?.['secret']));

    const before = await expireMatch();
    expect(before).toMatchObject({ status: 'sent' });
    expect(signedWith(first, callOf(before['_id']))).toBe(true);

    const rotated = await it$.call<{ id: string; secret: string }>(
      'POST',
      `/api/v1/webhooks/${created.body.id}/rotate-secret`,
      { token: await admin() },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ id: created.body.id, url: receiver.url });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(first);
    const after = await stored(created.body.id);
    expect(after?.['secret']).toMatch(/^v1\./);
    expect(after?.['secret']).not.toBe(doc?.['secret']);

    const next = await expireMatch();
    expect(next).toMatchObject({ status: 'sent' });
    expect(signedWith(rotated.body.secret, callOf(next['_id']))).toBe(true);
    expect(signedWith(first, callOf(next['_id']))).toBe(false);
    await it$.call('DELETE', `/api/v1/webhooks/${created.body.id}`, { token: await admin() });
  });

  it("lets no one else rotate or change a tenant's webhook (404 elsewhere, 403 for other roles), changing nothing", async () => {
    const created = await it$.call<{ id: string }>('POST', '/api/v1/webhooks', {
      token: await admin(),
      body: { url: receiver.url, kinds: ['match-expired'] },
    });
    const doc = await stored(created.body.id);
    const other = await it$.token(uniqueName('tenant'), ['org-admin']);
    const mentor = await it$.token(tenantId, ['mentor'], pair[0]);
    const rotate = `/api/v1/webhooks/${created.body.id}/rotate-secret`;
    expect((await it$.call('POST', rotate, { token: other })).status).toBe(404);
    expect((await it$.call('POST', rotate, { token: mentor })).status).toBe(403);
    const patch = { body: { kinds: ['match-proposed'] } };
    expect(
      (await it$.call('PATCH', `/api/v1/webhooks/${created.body.id}`, { token: other, ...patch }))
        .status,
    ).toBe(404);
    expect(await stored(created.body.id)).toEqual(doc);

    const changed = await it$.call('PATCH', `/api/v1/webhooks/${created.body.id}`, {
      token: await admin(),
      ...patch,
    });
    expect(changed).toMatchObject({
      status: 200,
      body: { id: created.body.id, kinds: ['match-proposed'] },
    });
    expect(JSON.stringify(changed.body)).not.toContain('secret');
    const empty = await it$.call('PATCH', `/api/v1/webhooks/${created.body.id}`, {
      token: await admin(),
      body: {},
    });
    expect(empty.status).toBe(400);
    await it$.call('DELETE', `/api/v1/webhooks/${created.body.id}`, { token: await admin() });
  });

  it('seals a secret stored in plain form before encryption, and keeps signing with it', async () => {
    const id = uniqueName('wh');
    const plain = `whsec_${randomBytes(32).toString('base64url')}`;
    await it$.connection.collection('webhooks').insertOne({
      _id: id as never,
      tenantId,
      url: receiver.url,
      kinds: ['match-expired'],
      secret: plain,
      createdAt: new Date(),
    });
    expect(await it$.get(WebhookService).sealStoredSecrets()).toBe(1);
    expect(await it$.get(WebhookService).sealStoredSecrets()).toBe(0);
    const doc = await stored(id);
    expect(doc?.['secret']).toMatch(/^v1\./);
    expect(JSON.stringify(doc)).not.toContain(plain);
    const delivery = await expireMatch();
    expect(delivery).toMatchObject({ status: 'sent' });
    expect(signedWith(plain, callOf(delivery['_id']))).toBe(true);
    await it$.connection.collection('webhooks').deleteOne({ _id: id as never });
  });

  it('fails the call at once, with the reason, when the secret was sealed with another key', async () => {
    const id = uniqueName('wh');
    const foreign = new SecretBox(randomBytes(32));
    await it$.connection.collection('webhooks').insertOne({
      _id: id as never,
      tenantId,
      url: receiver.url,
      kinds: ['match-expired'],
      secret: foreign.seal('whsec_x', `webhook:${tenantId}:${id}`),
      createdAt: new Date(),
    });
    const calls = receiver.calls.length;
    const delivery = await expireMatch();
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: `secret unreadable: sealed with another key (${foreign.keyId})`,
    });
    expect(receiver.calls).toHaveLength(calls);
    await it$.connection.collection('webhooks').deleteOne({ _id: id as never });
  });
});
