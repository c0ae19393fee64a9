import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { Topics } from '@medmentor/contracts';
import { KafkaReader, uniqueName } from '@medmentor/testing';
import { verifyWebhook } from '../src/policy/webhook-signature';
import { listMail, waitForMail } from './mailbox';
import {
  eventually as waitFor,
  NotificationsTestApp,
  physicianSnapshot,
  programConfig,
  tenantSnapshot,
} from './notifications-test-app';
import { WebhookReceiver } from './webhook-receiver';

const root = join(__dirname, '../../..');
const smtp = (action: 'stop' | 'start') =>
  promisify(execFile)(
    join(root, 'node_modules/.bin/tsx'),
    [join(root, 'tools/infra/src/cli.ts'), 'smtp', action],
    {
      cwd: root,
      env: process.env,
      timeout: 60_000,
    },
  );

describe('delivery: retries, webhooks, quiet hours, digests, the daily cap (real servers)', () => {
  let it$: NotificationsTestApp;
  let reader: KafkaReader;
  const tenantId = uniqueName('tenant');
  const programId = uniqueName('program');

  const registerPhysician = async (overrides: Record<string, unknown> = {}) => {
    const snapshot = physicianSnapshot(tenantId, overrides);
    await it$.publish('medmentor.profiles.physician.registered', snapshot, tenantId);
    await waitFor(
      async () =>
        (await it$.connection
          .collection('contacts')
          .findOne({ _id: snapshot.physicianId as never })) ?? undefined,
      { timeoutMs: 90_000 },
    );
    return snapshot;
  };

  const facts = (menteeId: string, mentorId: string) => ({
    matchId: uniqueName('match'),
    tenantId,
    programId,
    role: 'career' as const,
    menteeId,
    mentorId,
    menteeEnrollmentId: uniqueName('en'),
    mentorEnrollmentId: uniqueName('en'),
    origin: 'run' as const,
    version: 1,
    at: new Date().toISOString(),
  });

  beforeAll(async () => {
    it$ = await NotificationsTestApp.start({ DELIVERY_MAX_ATTEMPTS: '10', DAILY_EMAIL_CAP: '3' });
    reader = await new KafkaReader().start([Topics.NotificationsDelivery]);
    await it$.publish('medmentor.profiles.tenant.registered', tenantSnapshot(tenantId), tenantId);
    await it$.publish(
      'medmentor.profiles.program.published',
      programConfig(tenantId, programId, 'Cohort 2027'),
      tenantId,
    );
    await waitFor(
      async () =>
        (await it$.connection.collection('programs').findOne({ _id: programId as never })) ??
        undefined,
      { timeoutMs: 90_000 },
    );
  });

  afterEach(() => {
    it$.clockOffsetMs = 0;
  });

  afterAll(async () => {
    await reader?.stop();
    await it$?.close();
  });

  // Stopping and starting the SMTP server takes a few seconds each through the infra tool.
  it('sends exactly one email when the SMTP server refuses connections and then recovers', async () => {
    const pair = [await registerPhysician(), await registerPhysician()];
    await smtp('stop');
    try {
      const event = await it$.publish(
        'medmentor.matching.match.activated',
        facts(pair[0].physicianId, pair[1].physicianId),
        tenantId,
      );
      await waitFor(
        async () => {
          const [email] = await it$.deliveries({
            sourceEventId: event.envelope.id,
            channel: 'email',
            physicianId: pair[0].physicianId,
          });
          return (email?.['attempts'] as number) >= 2 ? email : undefined;
        },
        { timeoutMs: 90_000, description: 'two refused attempts' },
      );
    } finally {
      await smtp('start');
    }
    const started = Date.now();
    const mails = await waitForMail(pair[0].email);
    process.stdout.write(`recovered in ${Date.now() - started} ms\n`);
    expect(mails).toHaveLength(1);
    const [delivery] = await it$.settled({ physicianId: pair[0].physicianId, channel: 'email' }, 1);
    expect(delivery).toMatchObject({ status: 'sent' });
    expect(delivery?.['attempts']).toBeGreaterThanOrEqual(3);
    expect(delivery?.['lastError']).toBeTruthy();
    // Nothing arrives later either: the retries ended with the delivery.
    await it$.settled({ physicianId: pair[1].physicianId, channel: 'email' }, 1);
    expect(await listMail(pair[0].email)).toHaveLength(1);
  }, 240_000);

  it('signs webhook calls with HMAC-SHA256 over timestamp and body, and retries until a 2xx', async () => {
    const receiver = await WebhookReceiver.start([500, 503], 204);
    const ignored = await WebhookReceiver.start([], 204);
    try {
      const admin = await it$.token(tenantId, ['org-admin']);
      const created = await it$.call<{ id: string; secret: string }>('POST', '/api/v1/webhooks', {
        token: admin,
        body: { url: receiver.url, kinds: ['match-activated'] },
      });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_/);
      await it$.call('POST', '/api/v1/webhooks', {
        token: admin,
        body: { url: ignored.url, kinds: ['match-proposed'] },
      });
      const listed = await it$.call<{ items: Record<string, unknown>[] }>(
        'GET',
        '/api/v1/webhooks',
        { token: admin },
      );
      expect(listed.body.items.every((w) => !('secret' in w))).toBe(true);

      const a = await registerPhysician();
      const b = await registerPhysician();
      const event = await it$.publish(
        'medmentor.matching.match.activated',
        facts(a.physicianId, b.physicianId),
        tenantId,
      );
      await waitFor(() => (receiver.calls.length >= 3 ? true : undefined), {
        description: 'three webhook calls',
      });
      const [delivery] = await it$.settled(
        { sourceEventId: event.envelope.id, channel: 'webhook' },
        1,
      );
      expect(delivery).toMatchObject({ status: 'sent', attempts: 3, webhookId: created.body.id });
      for (const call of receiver.calls) {
        const timestamp = Number(call.headers['x-medmentor-timestamp']);
        expect(
          verifyWebhook(
            created.body.secret,
            String(call.headers['x-medmentor-signature']),
            timestamp,
            call.body,
            call.receivedAtSeconds,
          ),
        ).toBe(true);
        expect(
          verifyWebhook(
            'whsec_wrong',
            String(call.headers['x-medmentor-signature']),
            timestamp,
            call.body,
            call.receivedAtSeconds,
          ),
        ).toBe(false);
        expect(call.headers['x-medmentor-delivery']).toBe(delivery?._id);
      }
      expect(JSON.parse(receiver.calls[2].body)).toMatchObject({
        kind: 'match-activated',
        tenantId,
        sourceEventId: event.envelope.id,
      });
      expect(receiver.calls).toHaveLength(3);
      expect(ignored.calls).toHaveLength(0);
      await it$.call('DELETE', `/api/v1/webhooks/${created.body.id}`, { token: admin });
    } finally {
      await receiver.stop();
      await ignored.stop();
    }
  });

  it('gives up after the last attempt: failed status, a dead-letter record, a failed event and the counter', async () => {
    const receiver = await WebhookReceiver.start([], 500);
    try {
      const admin = await it$.token(tenantId, ['org-admin']);
      const created = await it$.call<{ id: string }>('POST', '/api/v1/webhooks', {
        token: admin,
        body: { url: receiver.url, kinds: ['match-expired'] },
      });
      const a = await registerPhysician();
      const b = await registerPhysician();
      const event = await it$.publish(
        'medmentor.matching.match.expired',
        { ...facts(a.physicianId, b.physicianId), responseDeadline: new Date().toISOString() },
        tenantId,
      );
      const [delivery] = await it$.settled(
        { sourceEventId: event.envelope.id, channel: 'webhook' },
        1,
      );
      expect(delivery).toMatchObject({
        status: 'failed',
        attempts: 10,
        lastError: 'webhook answered 500',
      });
      expect(receiver.calls).toHaveLength(10);
      const letter = await it$.connection
        .collection('delivery_dead_letters')
        .findOne({ _id: delivery?.['_id'] as never });
      expect(letter).toMatchObject({
        tenantId,
        kind: 'match-expired',
        channel: 'webhook',
        attempts: 10,
        reason: 'webhook answered 500',
      });
      const failed = await waitFor(() =>
        reader
          .on(Topics.NotificationsDelivery)
          .find((m) => m.key === String(delivery?._id) && m.value?.includes('delivery.failed')),
      );
      expect(JSON.parse(failed.value ?? '{}')).toMatchObject({
        data: { reason: 'webhook answered 500', attempts: 10, webhookId: created.body.id },
      });
      const metrics = await it$.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: '/metrics' });
      expect(metrics.statusCode).toBe(200);
      const text = metrics.body;
      expect(text).toMatch(/medmentor_notifications_failed_total\{channel="webhook"\} [1-9]/);
      expect(text).toMatch(/medmentor_notifications_sent_total\{channel="email"\} [1-9]/);
      await it$.call('DELETE', `/api/v1/webhooks/${created.body.id}`, { token: admin });
    } finally {
      await receiver.stop();
    }
  });

  it('holds email during quiet hours in the physician time zone and sends it when they end; the inbox gets it at once', async () => {
    const kenji = await registerPhysician({ displayName: 'Kenji Mori', timeZone: 'Asia/Tokyo' });
    const lateEvening = await it$.quietEvening(tenantId, kenji.physicianId, 'Asia/Tokyo');
    const other = await registerPhysician();
    const event = await it$.publish(
      'medmentor.matching.match.activated',
      facts(other.physicianId, kenji.physicianId),
      tenantId,
    );
    await it$.settled(
      { sourceEventId: event.envelope.id, physicianId: kenji.physicianId, channel: 'inbox' },
      1,
    );
    const [held] = await it$.deliveries({
      sourceEventId: event.envelope.id,
      physicianId: kenji.physicianId,
      channel: 'email',
    });
    expect(held).toMatchObject({
      status: 'pending',
      dueAt: lateEvening.plus({ hours: 8 }).toJSDate(),
    });
    await it$.settled(
      { sourceEventId: event.envelope.id, physicianId: other.physicianId, channel: 'email' },
      1,
    );
    expect(await listMail(kenji.email)).toHaveLength(0);

    it$.clockOffsetMs = lateEvening.plus({ hours: 8, minutes: 1 }).toMillis() - Date.now();
    const [mail] = await waitForMail(kenji.email);
    expect(mail?.subject).toBe('Your career mentorship with Ana García starts');
  });

  it('gathers low-priority messages into one daily digest at the end of the local day', async () => {
    const lena = await registerPhysician({ displayName: 'Lena Novak', timeZone: 'Europe/Berlin' });
    const token = await it$.token(tenantId, ['mentee'], lena.physicianId);
    await it$.call('PUT', '/api/v1/notification-preferences/me', {
      token,
      body: { digest: 'daily' },
    });
    const morning = DateTime.now()
      .setZone('Europe/Berlin')
      .plus({ days: 2 })
      .set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    it$.clockOffsetMs = morning.toMillis() - Date.now();
    const mentorA = await registerPhysician({ displayName: 'Omar Haddad' });
    const mentorB = await registerPhysician({ displayName: 'Pia Berg' });
    const first = await it$.publish(
      'medmentor.matching.match.ended',
      { ...facts(lena.physicianId, mentorA.physicianId), reason: 'completed' },
      tenantId,
    );
    const second = await it$.publish(
      'medmentor.matching.match.ended',
      { ...facts(lena.physicianId, mentorB.physicianId), reason: 'withdrawn' },
      tenantId,
    );
    for (const e of [first, second]) {
      await it$.settled(
        { sourceEventId: e.envelope.id, physicianId: lena.physicianId, channel: 'email' },
        1,
        ['digest-queued'],
      );
    }
    expect(await listMail(lena.email)).toHaveLength(0);

    it$.clockOffsetMs =
      morning.plus({ days: 1 }).set({ hour: 0, minute: 1 }).toMillis() - Date.now();
    const [digest] = await waitForMail(lena.email);
    expect(digest?.subject).toBe('Your MedMentor summary: 2 update(s)');
    expect(digest?.text).toContain('- Your mentorship with Omar Haddad has ended');
    expect(digest?.text).toContain('- Your mentorship with Pia Berg has ended');
    const items = await it$.deliveries({
      physicianId: lena.physicianId,
      kind: 'match-ended',
      channel: 'email',
    });
    expect(items.map((d) => [d['status'], d['reason']])).toEqual([
      ['skipped', 'digested'],
      ['skipped', 'digested'],
    ]);
    expect(new Set(items.map((d) => d['digestId']))).toEqual(
      new Set([`digest:${tenantId}:${lena.physicianId}:${morning.toISODate()}:email`]),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listMail(lena.email)).toHaveLength(1);
  });

  it('past the daily cap, further non-critical email waits for the digest; critical email still goes', async () => {
    const max = await registerPhysician({ displayName: 'Max Keller', timeZone: 'UTC' });
    const mentors = [
      await registerPhysician(),
      await registerPhysician(),
      await registerPhysician(),
      await registerPhysician(),
    ];
    for (const mentor of mentors) {
      const e = await it$.publish(
        'medmentor.matching.match.activated',
        facts(max.physicianId, mentor.physicianId),
        tenantId,
      );
      await it$.settled(
        { sourceEventId: e.envelope.id, physicianId: max.physicianId, channel: 'email' },
        1,
        ['sent', 'digest-queued'],
      );
    }
    const emails = await it$.deliveries({ physicianId: max.physicianId, channel: 'email' });
    expect(emails.map((d) => d['status']).sort()).toEqual([
      'digest-queued',
      'sent',
      'sent',
      'sent',
    ]);
    const critical = await it$.publish(
      'medmentor.matching.match.proposed',
      {
        ...facts(max.physicianId, mentors[0].physicianId),
        responseDeadline: new Date().toISOString(),
      },
      tenantId,
    );
    await it$.settled(
      { sourceEventId: critical.envelope.id, physicianId: max.physicianId, channel: 'email' },
      1,
    );
    expect(await waitForMail(max.email, 4)).toHaveLength(4);
  });
});
