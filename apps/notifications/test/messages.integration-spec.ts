import { createEvent, Topics } from '@medmentor/contracts';
import { KafkaReader, uniqueName } from '@medmentor/testing';
import { NotificationPlanner } from '../src/delivery/notification-planner.service';
import { withheldAddress } from '../src/kinds/meeting-invitation';
import { calendarPartiesOf, listMail, waitForMail } from './mailbox';
import {
  enrollmentSubmitted,
  eventually as waitFor,
  NotificationsTestApp,
  physicianSnapshot,
  programConfig,
  tenantSnapshot,
} from './notifications-test-app';

describe('events become messages (real Kafka, MongoDB-wire server and SMTP server)', () => {
  let it$: NotificationsTestApp;
  let reader: KafkaReader;
  const tenantId = uniqueName('tenant');
  const programId = uniqueName('program');
  const HOSTILE = '<script>alert("x")</script> Mallory';

  const contactStored = (physicianId: string, version = 1) =>
    waitFor(
      async () =>
        (await it$.connection
          .collection('contacts')
          .findOne({ _id: physicianId as never, version })) ?? undefined,
      {
        description: `contact ${physicianId} v${version}`,
      },
    );

  const registerPhysician = async (overrides: Record<string, unknown> = {}) => {
    const snapshot = physicianSnapshot(tenantId, overrides);
    await it$.publish('medmentor.profiles.physician.registered', snapshot, tenantId);
    await contactStored(snapshot.physicianId);
    return snapshot;
  };

  const matchFacts = (menteeId: string, mentorId: string) => ({
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
    it$ = await NotificationsTestApp.start();
    reader = await new KafkaReader().start([
      Topics.NotificationsDelivery,
      `${Topics.ProfilesEnrollment}.dlq`,
    ]);
    await it$.publish('medmentor.profiles.tenant.registered', tenantSnapshot(tenantId), tenantId);
    await it$.publish(
      'medmentor.profiles.program.published',
      programConfig(tenantId, programId, 'Early-career mentoring'),
      tenantId,
    );
    await waitFor(
      async () =>
        (await it$.connection.collection('programs').findOne({ _id: programId as never })) ??
        undefined,
      {
        description: 'the program in the read model',
      },
    );
  });

  afterAll(async () => {
    await reader?.stop();
    await it$?.close();
  });

  it('confirms an enrollment by email (text and HTML) and in the inbox, and announces both deliveries', async () => {
    const ana = await registerPhysician();
    const enrollment = await it$.publish(
      'medmentor.profiles.enrollment.submitted',
      enrollmentSubmitted(tenantId, programId, ana.physicianId),
      tenantId,
    );
    const [mail] = await waitForMail(ana.email);
    expect(mail?.subject).toBe('You are enrolled in Early-career mentoring');
    expect(mail?.from?.text).toContain('no-reply@medmentor.test');
    expect(mail?.text).toContain('Hello Ana García');
    expect(mail?.text).toContain('as a mentee is confirmed. Roles: career.');
    expect(mail?.html).toContain('<strong>Early-career mentoring</strong>');
    expect(mail?.text).toContain(
      'Unsubscribe: https://notifications.medmentor.test/api/v1/unsubscribe?token=',
    );

    const deliveries = await it$.settled({ sourceEventId: enrollment.envelope.id }, 2);
    expect(deliveries.map((d): unknown[] => [d['channel'], d['status']]).sort()).toEqual([
      ['email', 'sent'],
      ['inbox', 'sent'],
    ]);
    const events = await waitFor(() => {
      const sent = reader
        .on(Topics.NotificationsDelivery)
        .filter((m) => m.value?.includes(enrollment.envelope.id));
      return sent.length >= 2 ? sent : undefined;
    });
    expect(events.map((m) => (JSON.parse(m.value ?? '{}') as { type: string }).type)).toEqual([
      'medmentor.notifications.delivery.sent',
      'medmentor.notifications.delivery.sent',
    ]);
    expect(events.every((m) => !m.value?.includes(ana.email))).toBe(true);
  });

  it('sends nothing twice when an event is redelivered, even past the processed-event record', async () => {
    const ben = await registerPhysician({ displayName: 'Ben Okafor' });
    const event = await it$.publish(
      'medmentor.profiles.enrollment.withdrawn',
      {
        enrollmentId: uniqueName('en'),
        tenantId,
        programId,
        physicianId: ben.physicianId,
        side: 'mentor',
        withdrawnAt: new Date().toISOString(),
        version: 2,
      },
      tenantId,
    );
    await waitForMail(ben.email);
    await it$.send(event); // the broker delivers it again
    // A consumer that lost its processed-event record plans the same messages again.
    await it$.get(NotificationPlanner).plan(event.envelope, [
      {
        kind: 'enrollment-withdrawn',
        recipient: { physicianId: ben.physicianId },
        programId,
        data: { side: 'mentor' },
      },
    ]);
    await it$.settled({ sourceEventId: event.envelope.id }, 2);
    // A later mail to Ben proves the pipeline moved past the redelivery.
    const marker = await it$.publish(
      'medmentor.profiles.enrollment.submitted',
      enrollmentSubmitted(tenantId, programId, ben.physicianId, 'mentor'),
      tenantId,
    );
    await it$.settled({ sourceEventId: marker.envelope.id }, 2);
    const mails = await waitForMail(ben.email, 2);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'You are enrolled in Early-career mentoring',
      'Your enrollment in Early-career mentoring ended',
    ]);
    expect(await it$.deliveries({ sourceEventId: event.envelope.id })).toHaveLength(2);
  });

  it('plans events handed over together once each; a redelivered group adds nothing, and a bad event in it fails alone', async () => {
    const cara = await registerPhysician({ displayName: 'Cara Lindqvist' });
    const dev = await registerPhysician({ displayName: 'Dev Raman' });
    const withdrawn = (physicianId: string) =>
      createEvent(
        'medmentor.profiles.enrollment.withdrawn',
        {
          enrollmentId: uniqueName('en'),
          tenantId,
          programId,
          physicianId,
          side: 'mentee',
          withdrawnAt: new Date().toISOString(),
          version: 2,
        },
        { tenantId, source: 'it' },
      );
    const events = [cara, dev, cara, dev, cara, dev].map((p) => withdrawn(p.physicianId));
    const messages = (physicianId: string) => [
      {
        kind: 'enrollment-withdrawn',
        recipient: { physicianId },
        programId,
        data: { side: 'mentee' },
      },
    ];
    const planner = it$.get(NotificationPlanner);
    // Handed over at once: the first is planned alone, the rest as one group.
    await Promise.all(
      events.map((e) => planner.plan(e.envelope, messages(e.envelope.data.physicianId))),
    );
    // The same group again (a consumer that lost its processed-event records), with an event
    // whose planning fails among them.
    const broken = withdrawn(cara.physicianId);
    const again = await Promise.allSettled([
      ...events.map((e) => planner.plan(e.envelope, messages(e.envelope.data.physicianId))),
      planner.plan(broken.envelope, [{ ...messages(cara.physicianId)[0], kind: 'no-such-kind' }]),
    ]);
    expect(again.map((r) => r.status)).toEqual([...events.map(() => 'fulfilled'), 'rejected']);
    for (const e of events) await it$.settled({ sourceEventId: e.envelope.id }, 2);
    expect(await waitForMail(cara.email, 3)).toHaveLength(3);
    expect(await waitForMail(dev.email, 3)).toHaveLength(3);
    expect(await it$.deliveries({ sourceEventId: broken.envelope.id })).toHaveLength(0);
    // Each email took one slot of the day's cap, once.
    const counters = await it$.connection
      .collection('email_day_counts')
      .find({ physicianId: cara.physicianId })
      .toArray();
    expect(counters.flatMap((c) => c['deliveryIds'] as string[]).sort()).toEqual(
      events
        .filter((e) => e.envelope.data.physicianId === cara.physicianId)
        .map((e) => `${e.envelope.id}:p:${cara.physicianId}:email`)
        .sort(),
    );
  });

  it('attaches the frozen rank list as CSV', async () => {
    const cara = await registerPhysician({ displayName: 'Cara Diaz' });
    await it$.publish(
      'medmentor.profiles.rank-list.frozen',
      {
        enrollmentId: uniqueName('en'),
        tenantId,
        programId,
        physicianId: cara.physicianId,
        side: 'mentee',
        ranks: ['en-a', 'en-b'],
        submittedAt: new Date().toISOString(),
        frozenAt: '2026-11-20T17:00:00Z',
        version: 3,
      },
      tenantId,
    );
    const [mail] = await waitForMail(cara.email);
    expect(mail?.subject).toBe('Your rank list for Early-career mentoring is final');
    expect(mail?.text).toContain('Your list of 2 choice(s) is final');
    expect(mail?.text).toContain('Fri 20 Nov 2026, 11:00 (CST)');
    expect(mail?.attachments).toHaveLength(1);
    expect(mail?.attachments[0]?.filename).toBe('rank-list.csv');
    expect(mail?.attachments[0]?.content.toString()).toBe(
      'rank,enrollment_id\r\n1,en-a\r\n2,en-b\r\n',
    );
  });

  it('tells both sides of a match proposal, each naming the other, with hostile names escaped in HTML', async () => {
    const mentee = await registerPhysician({ displayName: 'Dana Park' });
    const mentor = await registerPhysician({ displayName: HOSTILE });
    await it$.publish(
      'medmentor.matching.match.proposed',
      {
        ...matchFacts(mentee.physicianId, mentor.physicianId),
        responseDeadline: '2026-12-01T17:00:00Z',
        score: 812,
        explanation: [
          { factor: 'specialty', contribution: 200, similarity: 1 },
          {
            factor: 'interests',
            contribution: 312,
            similarity: 0.8,
            shared: ['health-equity', 'quality-improvement'],
          },
          { factor: 'careerStage', contribution: 0, similarity: 0 },
        ],
      },
      tenantId,
    );
    const [toMentee] = await waitForMail(mentee.email);
    const [toMentor] = await waitForMail(mentor.email);
    expect(toMentee?.subject).toBe(
      'New career mentorship match in Early-career mentoring: please answer',
    );
    expect(toMentee?.text).toContain(`matched as mentee with ${HOSTILE}`);
    expect(toMentee?.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Mallory');
    expect(toMentee?.html).not.toContain('<script>');
    expect(toMentee?.text).toContain('Compatibility score: 812');
    expect(toMentee?.text).toContain('Tue 1 Dec 2026, 11:00 (CST)');
    expect(toMentor?.text).toContain('matched as mentor with Dana Park');
    expect(toMentor?.html).toContain('Hello &lt;script&gt;');
    // Why they were paired, strongest factor first, for each side.
    for (const mail of [toMentee, toMentor]) {
      expect(mail?.text).toContain(
        'Why you were matched:\n- Shared interests (312 points): health-equity, quality-improvement\n- Specialty (200 points)\n',
      );
      expect(mail?.text).not.toContain('Career stage');
      expect(mail?.html).toContain('<li>Specialty (200 points)</li>');
    }
  });

  it('wires the rest of the match lifecycle: accepted, declined, expired, activated, ended', async () => {
    const mentee = await registerPhysician({ displayName: 'Eli Moreau' });
    const mentor = await registerPhysician({ displayName: 'Fay Liu' });
    const facts = matchFacts(mentee.physicianId, mentor.physicianId);
    await it$.publish('medmentor.matching.match.accepted', { ...facts, by: 'mentor' }, tenantId);
    await it$.publish('medmentor.matching.match.declined', { ...facts, by: 'mentee' }, tenantId);
    await it$.publish(
      'medmentor.matching.match.expired',
      { ...facts, responseDeadline: '2026-12-01T17:00:00Z' },
      tenantId,
    );
    await it$.publish('medmentor.matching.match.activated', facts, tenantId);
    await it$.publish(
      'medmentor.matching.match.ended',
      { ...facts, reason: 'completed' },
      tenantId,
    );
    const toMentee = await waitForMail(mentee.email, 5);
    const toMentor = await waitForMail(mentor.email, 4);
    expect(toMentee.map((m) => m.subject).sort()).toEqual([
      'Fay Liu accepted your match in Early-career mentoring',
      'Your career mentorship with Fay Liu starts',
      'Your match in Early-career mentoring will not go ahead',
      'Your match proposal in Early-career mentoring expired',
      'Your mentorship with Fay Liu has ended',
    ]);
    expect(toMentor.map((m) => m.subject).sort()).toEqual([
      'Your career mentorship with Eli Moreau starts',
      'Your match in Early-career mentoring will not go ahead',
      'Your match proposal in Early-career mentoring expired',
      'Your mentorship with Eli Moreau has ended',
    ]);
  });

  it("alerts the program's administrator contacts when a match run completes", async () => {
    const admin = await it$.token(tenantId, ['org-admin']);
    const email = `${uniqueName('admin')}@example.org`;
    const created = await it$.call<{ id: string }>('POST', '/api/v1/admin-contacts', {
      token: admin,
      body: { name: 'Grace Admin', email, programId },
    });
    expect(created.status).toBe(201);
    await it$.publish(
      'medmentor.matching.run.completed',
      {
        runId: uniqueName('run'),
        tenantId,
        programId,
        algorithm: 'assignment',
        status: 'completed',
        matched: 12,
        unmatched: 2,
        verified: true,
        completedAt: new Date().toISOString(),
      } as never,
      tenantId,
    );
    const [mail] = await waitForMail(email);
    expect(mail?.subject).toBe('Match run for Early-career mentoring: completed');
    expect(mail?.text).toContain('Hello Grace Admin');
    expect(mail?.text).toContain('12 matched, 2 unmatched');
  });

  it("wires the scheduling kinds: invitations with .ics in each side's zone, nudges, milestones and admin alerts", async () => {
    const mentee = await registerPhysician({
      displayName: 'Ines Rocha',
      timeZone: 'Europe/Lisbon',
    });
    const mentor = await registerPhysician({
      displayName: 'Jon Berg',
      timeZone: 'America/Chicago',
    });
    const adminEmail = `${uniqueName('pa')}@example.org`;
    const admin = await it$.token(tenantId, ['program-admin']);
    await it$.call('POST', '/api/v1/admin-contacts', {
      token: admin,
      body: { name: 'Program Admin', email: adminEmail, programId },
    });
    const match = matchFacts(mentee.physicianId, mentor.physicianId);
    const meeting = {
      meetingId: uniqueName('meeting'),
      tenantId,
      matchId: match.matchId,
      programId,
      role: 'career' as const,
      kind: 'kickoff' as const,
      menteeId: mentee.physicianId,
      mentorId: mentor.physicianId,
      start: '2026-12-03T16:00:00Z',
      end: '2026-12-03T16:30:00Z',
      menteeTimeZone: 'Europe/Lisbon',
      mentorTimeZone: 'America/Chicago',
      videoUrl: 'https://video.example/room-1',
      sequence: 0,
    };
    await it$.publish('medmentor.scheduling.meeting.scheduled', meeting, tenantId);
    const [invite] = await waitForMail(mentee.email);
    expect(invite?.subject).toBe('Your kickoff with Jon Berg: Thu 3 Dec 2026, 16:00 (GMT+0)');
    expect(invite?.text).toContain('Join: https://video.example/room-1');
    const ics = invite?.attachments.find((a) => a.filename === 'invite.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const calendar = ics?.content.toString() ?? '';
    expect(calendar).toContain('METHOD:REQUEST');
    expect(calendar).toContain(`UID:${meeting.meetingId}`);
    expect(calendar).toContain('DTSTART:20261203T160000Z');
    // Organised by the sender for the organization; both sides named, each only under their
    // own address in their own invitation (a partner's email is not disclosed).
    expect(calendarPartiesOf(invite)).toEqual({
      method: 'REQUEST',
      organizer: ['no-reply@medmentor.test', 'Lakeside Health'],
      attendees: [
        [mentee.email, 'Ines Rocha'],
        [withheldAddress(tenantId, mentor.physicianId), 'Jon Berg'],
      ],
    });
    const [mentorInvite] = await waitForMail(mentor.email);
    expect(mentorInvite?.subject).toBe('Your kickoff with Ines Rocha: Thu 3 Dec 2026, 10:00 (CST)');
    expect(calendarPartiesOf(mentorInvite).attendees).toEqual([
      [withheldAddress(tenantId, mentee.physicianId), 'Ines Rocha'],
      [mentor.email, 'Jon Berg'],
    ]);
    expect(JSON.stringify(mentorInvite?.attachments[0]?.content.toString())).not.toContain(
      mentee.email,
    );
    // No address is kept with the deliveries: the invitation is built when the mail is sent.
    const stored = await it$.connection
      .collection('deliveries')
      .find({ sourceEventId: { $exists: true }, physicianId: mentee.physicianId })
      .toArray();
    expect(JSON.stringify(stored)).not.toContain(mentor.email);

    const relationship = {
      matchId: match.matchId,
      tenantId,
      programId,
      role: 'career' as const,
      menteeId: mentee.physicianId,
      mentorId: mentor.physicianId,
      at: new Date().toISOString(),
    };
    await it$.publish(
      'medmentor.scheduling.meeting.rescheduled',
      {
        ...meeting,
        start: '2026-12-04T16:00:00Z',
        end: '2026-12-04T16:30:00Z',
        sequence: 1,
        previousStart: meeting.start,
        previousEnd: meeting.end,
        scope: 'occurrence',
      },
      tenantId,
    );
    await it$.publish(
      'medmentor.scheduling.reminder.due',
      {
        ...meeting,
        start: '2026-12-04T16:00:00Z',
        end: '2026-12-04T16:30:00Z',
        sequence: 1,
        offsetMinutes: 60,
        dueAt: '2026-12-04T15:00:00Z',
      },
      tenantId,
    );
    await it$.publish(
      'medmentor.scheduling.meeting.cancelled',
      {
        ...meeting,
        start: '2026-12-04T16:00:00Z',
        end: '2026-12-04T16:30:00Z',
        sequence: 2,
        reason: 'cancelled',
      },
      tenantId,
    );
    await it$.publish(
      'medmentor.scheduling.slot.not-found',
      {
        ...relationship,
        kind: 'check-in',
        windowStart: '2027-01-01T00:00:00Z',
        windowEnd: '2027-01-15T00:00:00Z',
        durationMinutes: 30,
        reason: 'no-overlap',
      },
      tenantId,
    );
    await it$.publish(
      'medmentor.scheduling.check-in.overdue',
      { ...relationship, dueBy: '2027-02-01T00:00:00Z' },
      tenantId,
    );
    await it$.publish(
      'medmentor.scheduling.milestone.reached',
      { ...relationship, milestone: 'first-meeting-held' },
      tenantId,
    );
    await it$.publish(
      'medmentor.scheduling.relationship.health-changed',
      { ...relationship, health: 'needs-check-in', previous: 'on-track' },
      tenantId,
    );
    await it$.publish(
      'medmentor.scheduling.relationship.health-changed',
      { ...relationship, health: 'inactive', previous: 'needs-check-in' },
      tenantId,
    );
    const toMentee = await waitForMail(mentee.email, 7);
    const bySubject = (prefix: string) => toMentee.find((m) => m.subject?.startsWith(prefix));
    // Sent concurrently: the order of arrival is not the order of the events.
    expect(toMentee.map((m) => m.subject).sort()).toEqual(
      [
        'Your kickoff with Jon Berg: Thu 3 Dec 2026, 16:00 (GMT+0)',
        'Moved: your kickoff with Jon Berg is now Fri 4 Dec 2026, 16:00 (GMT+0)',
        'Reminder: kickoff with Jon Berg at Fri 4 Dec 2026, 16:00 (GMT+0)',
        'Cancelled: your kickoff with Jon Berg on Fri 4 Dec 2026, 16:00 (GMT+0)',
        'Please pick a time for your check-in with Jon Berg',
        'Time for a check-in with Jon Berg',
        'Milestone reached with Jon Berg: first-meeting-held',
      ].sort(),
    );
    expect(bySubject('Cancelled')?.attachments[0]?.content.toString()).toContain('METHOD:CANCEL');
    // RFC 5546: the CANCEL names the ORGANIZER and ATTENDEEs of the REQUEST.
    expect(calendarPartiesOf(bySubject('Cancelled'))).toEqual({
      ...calendarPartiesOf(invite),
      method: 'CANCEL',
    });
    expect(bySubject('Moved')?.attachments[0]?.content.toString()).toContain('SEQUENCE:1');
    expect(bySubject('Reminder')?.attachments).toHaveLength(0);
    const toAdmin = await waitForMail(adminEmail, 2);
    expect(toAdmin.map((m) => m.subject).sort()).toEqual([
      'Early-career mentoring: Ines Rocha and Jon Berg reached first-meeting-held',
      'Inactive mentorship in Early-career mentoring: Ines Rocha and Jon Berg',
    ]);
  });

  it('keeps the newest contact details, ignores a stale snapshot, and forgets everything on erasure', async () => {
    const hana = await registerPhysician({ displayName: 'Hana Sato' });
    const newEmail = `${uniqueName('hana-new')}@example.org`;
    await it$.publish(
      'medmentor.profiles.physician.updated',
      { ...hana, email: newEmail, version: 2 },
      tenantId,
    );
    await contactStored(hana.physicianId, 2);
    await it$.publish(
      'medmentor.profiles.physician.updated',
      { ...hana, email: 'stale@example.org', version: 1 },
      tenantId,
    );
    const facts = matchFacts(hana.physicianId, (await registerPhysician()).physicianId);
    await it$.publish('medmentor.matching.match.activated', facts, tenantId);
    await waitForMail(newEmail);
    expect(await listMail(hana.email)).toHaveLength(0);
    expect(
      (await it$.connection.collection('contacts').findOne({ _id: hana.physicianId as never }))?.[
        'email'
      ],
    ).toBe(newEmail);
    const token = await it$.token(tenantId, ['mentee'], hana.physicianId);
    await waitFor(async () =>
      (await it$.call<{ unread: number }>('GET', '/api/v1/inbox/unread-count', { token })).body
        .unread === 1
        ? true
        : undefined,
    );

    await it$.publish(
      'medmentor.profiles.physician.erased',
      { physicianId: hana.physicianId, tenantId },
      tenantId,
    );
    await waitFor(async () =>
      (await it$.connection.collection('contacts').findOne({ _id: hana.physicianId as never }))?.[
        'erased'
      ] === true
        ? true
        : undefined,
    );
    const contact = await it$.connection
      .collection('contacts')
      .findOne({ _id: hana.physicianId as never });
    expect(contact).not.toHaveProperty('email');
    expect(contact).not.toHaveProperty('displayName');
    expect(
      (await it$.call<{ unread: number }>('GET', '/api/v1/inbox/unread-count', { token })).body
        .unread,
    ).toBe(0);
    expect(
      await it$.deliveries({ physicianId: hana.physicianId, data: { $exists: true } }),
    ).toHaveLength(0);
    // A late snapshot cannot bring the details back.
    await it$.publish('medmentor.profiles.physician.updated', { ...hana, version: 3 }, tenantId);
    await it$.publish(
      'medmentor.matching.match.activated',
      { ...facts, matchId: uniqueName('match') },
      tenantId,
    );
    const other = await waitForMail(
      (await it$.connection.collection('contacts').findOne({ _id: facts.mentorId as never }))?.[
        'email'
      ] as string,
      2,
    );
    expect(other[1]?.text).toContain('a former participant');
    expect(
      (await it$.connection.collection('contacts').findOne({ _id: hana.physicianId as never }))?.[
        'erased'
      ],
    ).toBe(true);
  });

  it('dead-letters a message that is not a valid event, with the reason, and goes on', async () => {
    await it$.sendRaw(Topics.ProfilesEnrollment, 'bad-key', '{"not":"an event"');
    const letter = await waitFor(() =>
      reader.on(`${Topics.ProfilesEnrollment}.dlq`).find((m) => m.key === 'bad-key'),
    );
    expect(letter.headers['dlq-reason']).toBeTruthy();
    expect(letter.headers['dlq-consumer-group']).toMatch(/^it-notifications/);
  });
});
