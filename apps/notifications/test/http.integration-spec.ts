import { uniqueName } from '@medmentor/testing';
import { waitForMail } from './mailbox';
import {
  eventually,
  fieldsOf,
  NotificationsTestApp,
  physicianSnapshot,
  programConfig,
  tenantSnapshot,
  type Problem,
} from './notifications-test-app';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('HTTP: inbox, preferences, unsubscribe, templates, log (tenant isolation, problem+json)', () => {
  let it$: NotificationsTestApp;
  const tenantA = uniqueName('tenant-a');
  const tenantB = uniqueName('tenant-b');
  const programId = uniqueName('program');

  const registerPhysician = async (tenantId: string, overrides: Record<string, unknown> = {}) => {
    const snapshot = physicianSnapshot(tenantId, overrides);
    await it$.publish('medmentor.profiles.physician.registered', snapshot, tenantId);
    await eventually(
      async () =>
        (await it$.connection
          .collection('contacts')
          .findOne({ _id: snapshot.physicianId as never })) ?? undefined,
    );
    return snapshot;
  };

  const activate = (tenantId: string, menteeId: string, mentorId: string) =>
    it$.publish(
      'medmentor.matching.match.activated',
      {
        matchId: uniqueName('match'),
        tenantId,
        programId,
        role: 'career',
        menteeId,
        mentorId,
        menteeEnrollmentId: uniqueName('en'),
        mentorEnrollmentId: uniqueName('en'),
        origin: 'run',
        version: 1,
        at: new Date().toISOString(),
      },
      tenantId,
    );

  beforeAll(async () => {
    it$ = await NotificationsTestApp.start();
    for (const tenantId of [tenantA, tenantB]) {
      await it$.publish('medmentor.profiles.tenant.registered', tenantSnapshot(tenantId), tenantId);
    }
    await it$.publish(
      'medmentor.profiles.program.published',
      programConfig(tenantA, programId, 'Cohort A'),
      tenantA,
    );
  });

  afterAll(async () => {
    await it$?.close();
  });

  it('shows a physician only their own inbox, counts unread and marks read', async () => {
    const ana = await registerPhysician(tenantA);
    const ben = await registerPhysician(tenantA);
    const event = await activate(tenantA, ana.physicianId, ben.physicianId);
    await it$.settled({ sourceEventId: event.envelope.id, channel: 'inbox' }, 2);
    const anaToken = await it$.token(tenantA, ['mentee'], ana.physicianId);
    const benToken = await it$.token(tenantA, ['mentor'], ben.physicianId);

    const inbox = await it$.call<Page<{ id: string; subject: string; readAt: string | null }>>(
      'GET',
      '/api/v1/inbox',
      { token: anaToken },
    );
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((m) => m.subject)).toEqual([
      `Your career mentorship with ${ben.displayName} starts`,
    ]);
    const [message] = inbox.body.items;
    expect(
      (await it$.call<{ unread: number }>('GET', '/api/v1/inbox/unread-count', { token: anaToken }))
        .body,
    ).toEqual({ unread: 1 });

    // Ben cannot read or mark Ana's message; an admin without a physician id has no inbox.
    const benInbox = await it$.call<Page<{ id: string }>>('GET', '/api/v1/inbox', {
      token: benToken,
    });
    expect(benInbox.body.items.map((m) => m.id)).not.toContain(message?.id);
    expect(
      (await it$.call('POST', `/api/v1/inbox/${message?.id}/read`, { token: benToken })).status,
    ).toBe(404);
    const admin = await it$.call('GET', '/api/v1/inbox', {
      token: await it$.token(tenantA, ['org-admin']),
    });
    expect(admin.status).toBe(403);
    expect(admin.headers['content-type']).toMatch(/application\/problem\+json/);

    expect(
      (await it$.call('POST', `/api/v1/inbox/${message?.id}/read`, { token: anaToken })).status,
    ).toBe(204);
    expect(
      (await it$.call('POST', `/api/v1/inbox/${message?.id}/read`, { token: anaToken })).status,
    ).toBe(204);
    expect(
      (await it$.call<{ unread: number }>('GET', '/api/v1/inbox/unread-count', { token: anaToken }))
        .body,
    ).toEqual({ unread: 0 });
    const unread = await it$.call<Page<unknown>>('GET', '/api/v1/inbox?unread=true', {
      token: anaToken,
    });
    expect(unread.body.items).toHaveLength(0);
  });

  it('keeps every tenant to its own deliveries, webhooks, contacts and templates', async () => {
    const adminA = await it$.token(tenantA, ['org-admin']);
    const adminB = await it$.token(tenantB, ['org-admin']);
    const carl = await registerPhysician(tenantA);
    const dora = await registerPhysician(tenantA);
    const event = await activate(tenantA, carl.physicianId, dora.physicianId);
    await it$.settled({ sourceEventId: event.envelope.id }, 4);

    const logA = await it$.call<Page<{ sourceEventId: string; status: string; channel: string }>>(
      'GET',
      `/api/v1/deliveries?physicianId=${carl.physicianId}&channel=email`,
      { token: adminA },
    );
    expect(logA.status).toBe(200);
    expect(logA.body.items).toEqual([
      expect.objectContaining({
        sourceEventId: event.envelope.id,
        status: 'sent',
        channel: 'email',
      }),
    ]);
    const logB = await it$.call<Page<unknown>>(
      'GET',
      `/api/v1/deliveries?physicianId=${carl.physicianId}`,
      { token: adminB },
    );
    expect(logB.body.items).toHaveLength(0);
    const page = await it$.call<Page<unknown>>('GET', '/api/v1/deliveries?limit=1', {
      token: adminA,
    });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expect(
      (
        await it$.call('GET', '/api/v1/deliveries', {
          token: await it$.token(tenantA, ['mentee'], carl.physicianId),
        })
      ).status,
    ).toBe(403);

    const hook = await it$.call<{ id: string }>('POST', '/api/v1/webhooks', {
      token: adminA,
      body: { url: 'https://hooks.example/a' },
    });
    expect(
      (await it$.call<{ items: unknown[] }>('GET', '/api/v1/webhooks', { token: adminB })).body
        .items,
    ).toHaveLength(0);
    expect(
      (await it$.call('DELETE', `/api/v1/webhooks/${hook.body.id}`, { token: adminB })).status,
    ).toBe(404);
    const contact = await it$.call<{ id: string }>('POST', '/api/v1/admin-contacts', {
      token: adminA,
      body: { name: 'A', email: 'a@example.org' },
    });
    expect(
      (await it$.call<{ items: unknown[] }>('GET', '/api/v1/admin-contacts', { token: adminB }))
        .body.items,
    ).toHaveLength(0);
    expect(
      (await it$.call('DELETE', `/api/v1/admin-contacts/${contact.body.id}`, { token: adminB }))
        .status,
    ).toBe(404);
    await it$.call('PUT', '/api/v1/templates/match-activated/email', {
      token: adminA,
      body: { subject: 'A only {{other.name}}', text: 'x' },
    });
    const templatesB = await it$.call<{
      items: { kind: string; channel: string; overridden: boolean }[];
    }>('GET', '/api/v1/templates', { token: adminB });
    expect(
      templatesB.body.items.find((t) => t.kind === 'match-activated' && t.channel === 'email')
        ?.overridden,
    ).toBe(false);
    // Another tenant's admin cannot read or change a physician's preferences.
    expect(
      (
        await it$.call('GET', `/api/v1/notification-preferences/${carl.physicianId}`, {
          token: await it$.token(tenantA, ['mentor'], dora.physicianId),
        })
      ).status,
    ).toBe(403);
    // An administrator reaches only physicians of their own tenant: another tenant's id is
    // 404 like an id that exists nowhere, and neither stores anything.
    const erin = await registerPhysician(tenantB);
    for (const physicianId of [erin.physicianId, '00000000-0000-4000-8000-000000000000']) {
      for (const method of ['GET', 'PUT'] as const) {
        const reply = await it$.call(method, `/api/v1/notification-preferences/${physicianId}`, {
          token: adminA,
          ...(method === 'PUT' && { body: { optOuts: {}, digest: 'off', quietHours: null } }),
        });
        expect({ physicianId, method, status: reply.status }).toEqual({
          physicianId,
          method,
          status: 404,
        });
      }
    }
    expect(
      (await it$.call('GET', '/api/v1/notification-preferences/bad%20id', { token: adminA }))
        .status,
    ).toBe(400);
    await it$.call('DELETE', '/api/v1/templates/match-activated/email', { token: adminA });
  });

  it('answers bad input with problem+json naming the fields, and stores nothing', async () => {
    const adminA = await it$.token(tenantA, ['org-admin']);
    const me = await registerPhysician(tenantA);
    const token = await it$.token(tenantA, ['mentee'], me.physicianId);
    const cases: [string, string, unknown, string[]][] = [
      [
        'PUT',
        '/api/v1/notification-preferences/me',
        { quietHours: { start: '25:00', end: '07:00' }, digest: 'hourly' },
        ['digest', 'quietHours.start'],
      ],
      [
        'PUT',
        '/api/v1/notification-preferences/me',
        { optOuts: { matching: ['sms'] } },
        ['optOuts.matching[0]'],
      ],
      [
        'POST',
        '/api/v1/webhooks',
        { url: 'ftp://example.org/x', kinds: ['nope'] },
        ['kinds[0]', 'url'],
      ],
      ['POST', '/api/v1/admin-contacts', { name: '', email: 'not-an-email' }, ['email', 'name']],
      [
        'PUT',
        '/api/v1/templates/match-activated/email',
        { subject: '{{#each}}', text: 'ok' },
        ['subject'],
      ],
      [
        'PUT',
        '/api/v1/templates/match-activated/inbox',
        { subject: 'ok', text: 'ok', html: '<p>x</p>' },
        ['html'],
      ],
      [
        'POST',
        '/api/v1/templates/match-activated/email/preview',
        { template: { subject: '{{evil}}x{{#if}}', text: 'y' } },
        ['template.subject'],
      ],
    ];
    for (const [method, url, body, fields] of cases) {
      const reply = await it$.call<Problem>(method as 'PUT', url, {
        token: url.includes('preferences') ? token : adminA,
        body,
      });
      expect({ url, status: reply.status, type: reply.headers['content-type'] }).toEqual({
        url,
        status: 400,
        type: expect.stringMatching(/application\/problem\+json/),
      });
      expect(fieldsOf(reply.body).sort()).toEqual(fields);
    }
    expect(
      await it$.connection
        .collection('preferences')
        .countDocuments({ _id: me.physicianId as never }),
    ).toBe(0);
    expect(
      await it$.connection.collection('template_overrides').countDocuments({ tenantId: tenantA }),
    ).toBe(0);
    expect(
      (await it$.call<Problem>('GET', '/api/v1/deliveries?status=lost', { token: adminA })).body
        .code,
    ).toBe('validation-failed');
    expect(
      (await it$.call<Problem>('POST', '/api/v1/unsubscribe?token=forged.token.x')).body,
    ).toMatchObject({ status: 400, code: 'unsubscribe-token-invalid' });
  });

  it('previews and applies a tenant template, escaping values in HTML', async () => {
    const adminA = await it$.token(tenantA, ['org-admin']);
    const preview = await it$.call<{ subject: string; html: string }>(
      'POST',
      '/api/v1/templates/match-activated/email/preview',
      {
        token: adminA,
        body: {
          template: {
            subject: 'Hi {{recipient.name}}',
            text: 't',
            html: '<p>{{recipient.name}}</p>',
          },
          data: { recipient: { name: '<img src=x onerror=alert(1)>' } },
        },
      },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('Hi <img src=x onerror=alert(1)>');
    expect(preview.body.html).toBe('<p>&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</p>');

    const put = await it$.call('PUT', '/api/v1/templates/match-activated/email', {
      token: adminA,
      body: {
        subject: '[Cohort A] {{other.name}} is your mentor now',
        text: 'Dear {{recipient.name}}, meet {{other.name}}.',
      },
    });
    expect(put.status).toBe(200);
    const erin = await registerPhysician(tenantA, { displayName: 'Erin Walsh' });
    const finn = await registerPhysician(tenantA, { displayName: 'Finn Ross' });
    await activate(tenantA, erin.physicianId, finn.physicianId);
    const [mail] = await waitForMail(erin.email);
    expect(mail?.subject).toBe('[Cohort A] Finn Ross is your mentor now');
    expect(mail?.text?.trim()).toBe('Dear Erin Walsh, meet Finn Ross.');
    expect(
      (await it$.call('DELETE', '/api/v1/templates/match-activated/email', { token: adminA }))
        .status,
    ).toBe(204);
  });

  it('unsubscribes in one click from the link in the mail (RFC 8058), but still sends critical email', async () => {
    const gil = await registerPhysician(tenantA, { displayName: 'Gil Stone' });
    const other = await registerPhysician(tenantA);
    await activate(tenantA, gil.physicianId, other.physicianId);
    const [mail] = await waitForMail(gil.email);
    const header = mail?.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? '';
    const url = new URL(/<([^>]+)>/.exec(header)?.[1] ?? '');
    expect(mail?.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toContain(
      'List-Unsubscribe=One-Click',
    );
    const path = `${url.pathname}${url.search}`;
    expect((await it$.call<{ unsubscribed: boolean }>('GET', path)).body.unsubscribed).toBe(false);
    const click = await it$.call<{ category: string; unsubscribed: boolean }>('POST', path, {
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(click.status).toBe(200);
    expect(click.body).toEqual({ category: 'matching', channel: 'email', unsubscribed: true });
    const token = await it$.token(tenantA, ['mentee'], gil.physicianId);
    const prefs = await it$.call<{ optOuts: Record<string, string[]>; timeZone: string }>(
      'GET',
      '/api/v1/notification-preferences/me',
      { token },
    );
    expect(prefs.body).toMatchObject({
      optOuts: { matching: ['email'] },
      timeZone: 'America/Chicago',
    });

    const quiet = await activate(tenantA, gil.physicianId, other.physicianId);
    const [skipped] = await it$.settled(
      { sourceEventId: quiet.envelope.id, physicianId: gil.physicianId, channel: 'email' },
      1,
    );
    expect(skipped).toMatchObject({ status: 'skipped', reason: 'opted-out' });
    await it$.publish(
      'medmentor.matching.match.proposed',
      {
        matchId: uniqueName('match'),
        tenantId: tenantA,
        programId,
        role: 'career',
        menteeId: gil.physicianId,
        mentorId: other.physicianId,
        menteeEnrollmentId: 'e1',
        mentorEnrollmentId: 'e2',
        origin: 'run',
        version: 1,
        at: new Date().toISOString(),
        responseDeadline: new Date().toISOString(),
      },
      tenantA,
    );
    const mails = await waitForMail(gil.email, 2);
    expect(mails.map((m) => m.subject)).toContain(
      'New career mentorship match in Cohort A: please answer',
    );
  });
});
