import ICAL from 'ical.js';
import { Topics } from '@medmentor/contracts';
import { uniqueName, waitFor } from '@medmentor/testing';
import { distinct, match, newYorkLondonPair, physician, program } from './fixtures';
import { EventFeed, EventLog, SchedulingTestApp, TestClock } from './scheduling-test-app';

interface MeetingBody {
  id: string;
  kind: string;
  start: string;
  end: string;
  status: string;
  sequence: number;
  occurrence?: number;
  local: { mentee: string; mentor: string };
  videoUrl: string;
}
interface Page {
  items: MeetingBody[];
  nextCursor: string | null;
}

const ACTIVATED_AT = '2026-03-02T12:00:00.000Z';

describe('meetings planned from matching events (real Kafka and MongoDB-wire server)', () => {
  const clock = new TestClock(new Date(ACTIVATED_AT));
  let a: SchedulingTestApp;
  let b: SchedulingTestApp;
  let feed: EventFeed;
  let log: EventLog;
  const tenant = uniqueName('lakeside');
  const otherTenant = uniqueName('harbor');
  // New York and London, Tuesdays and Thursdays at lunch in New York = late afternoon in London.
  const [mentee, mentor] = newYorkLondonPair(tenant);
  const prog = program(tenant);

  const meetingsOf = (matchId: string): Promise<Record<string, unknown>[]> =>
    a.connection
      .collection<Record<string, unknown>>('meetings')
      .find({ matchId })
      .sort({ start: 1 })
      .toArray();
  const scheduledEvents = (matchId: string) =>
    log.about(
      Topics.SchedulingMeeting,
      (e) => e.type === 'medmentor.scheduling.meeting.scheduled' && e.data['matchId'] === matchId,
    );

  beforeAll(async () => {
    a = await SchedulingTestApp.start(clock);
    b = await SchedulingTestApp.start(clock, a.shared);
    feed = await EventFeed.start();
    log = await EventLog.start([Topics.SchedulingMeeting, Topics.SchedulingRelationship]);
    const ids = [
      await feed.send('medmentor.profiles.physician.registered', mentee, tenant),
      await feed.send('medmentor.profiles.physician.registered', mentor, tenant),
      await feed.send('medmentor.profiles.program.published', prog, tenant),
    ];
    await Promise.all(
      ids.map((id) =>
        waitFor(
          async () =>
            (await a.connection.collection('processed_events').countDocuments({ eventId: id })) > 0,
        ),
      ),
    );
  });

  afterAll(async () => {
    await log?.stop();
    await feed?.stop();
    await b?.close({ dropDatabase: false });
    await a?.close();
  });

  it('schedules one kickoff and one series even when the activation arrives twice', async () => {
    const facts = match(
      tenant,
      prog.programId,
      mentee.physicianId,
      mentor.physicianId,
      ACTIVATED_AT,
    );
    const first = await feed.send('medmentor.matching.match.activated', facts, tenant);
    // The same event again (a redelivery) and a second event for the same match (a replay).
    await feed.send('medmentor.matching.match.activated', facts, tenant, first);
    const replay = await feed.send('medmentor.matching.match.activated', facts, tenant);
    await a.processed(replay);
    await a.outboxDrained();
    const meetings = await meetingsOf(facts.matchId);
    expect(meetings.map((m) => [m['kind'], (m['start'] as Date).toISOString()])).toEqual([
      // Tuesday 3 March: 12:00 in New York (EST) is 17:00 in London (GMT).
      ['kickoff', '2026-03-03T17:00:00.000Z'],
      // The 1st Tuesday of the next months at 12:00 New York time: EDT from 8 March, BST from 29 March.
      ['check-in', '2026-04-07T16:00:00.000Z'],
      ['check-in', '2026-05-05T16:00:00.000Z'],
    ]);
    await waitFor(() => scheduledEvents(facts.matchId).length >= 3);
    expect(distinct(scheduledEvents(facts.matchId))).toHaveLength(3);
    const matchDoc = await a.connection
      .collection('matches')
      .findOne({ _id: facts.matchId as never });
    // Stored whole, its empty lists included (the timer's review and the resources read them).
    expect([matchDoc?.['milestones'], matchDoc?.['resources']]).toEqual([[], []]);
    expect(matchDoc?.['series']).toMatchObject({
      timeZone: 'America/New_York',
      segments: [
        {
          rrule:
            'DTSTART;TZID=America/New_York:20260407T120000\nRRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=+1TU;COUNT=2',
        },
        {
          rrule:
            'DTSTART;TZID=America/New_York:20260804T120000\nRRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=+1TU',
        },
      ],
    });
  });

  it('plans once when two replicas handle the same activation at the same time', async () => {
    const facts = match(
      tenant,
      prog.programId,
      mentee.physicianId,
      mentor.physicianId,
      ACTIVATED_AT,
    );
    await Promise.all([
      a.planner.activate(facts, {}),
      b.planner.activate(facts, {}),
      a.planner.activate(facts, {}),
    ]);
    await a.outboxDrained();
    await b.outboxDrained();
    const meetings = await meetingsOf(facts.matchId);
    expect(meetings.map((m) => m['kind'])).toEqual(['kickoff', 'check-in', 'check-in']);
    // The pair's first match already holds Tuesday 3 March 17:00: this kickoff takes the next common slot.
    expect((meetings[0]['start'] as Date).toISOString()).toBe('2026-03-03T18:00:00.000Z');
    await waitFor(() => scheduledEvents(facts.matchId).length >= 3);
    // Two outbox relays may both publish an entry (delivery is at least once, and consumers
    // de-duplicate by event id): there is still one event per meeting.
    const events = scheduledEvents(facts.matchId);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(new Set(events.map((e) => e.data['meetingId'])).size).toBe(3);
  });

  it('plans activations handed over together as a group: one mentor, three times; again, nothing twice', async () => {
    const [, sharedMentor] = newYorkLondonPair(tenant);
    const mentees = [0, 1, 2].map(() => newYorkLondonPair(tenant)[0]);
    const registered = await Promise.all(
      [sharedMentor, ...mentees].map((p) =>
        feed.send('medmentor.profiles.physician.registered', p, tenant),
      ),
    );
    await Promise.all(registered.map((id) => a.processed(id)));
    const all = mentees.map((m) =>
      match(tenant, prog.programId, m.physicianId, sharedMentor.physicianId, ACTIVATED_AT),
    );
    // The first is planned alone; the two handed over while it runs are planned as one group.
    await Promise.all(all.map((facts) => a.planner.activate(facts, {})));
    // Redelivered together, on both replicas at once: nothing more.
    await Promise.all([
      ...all.map((facts) => a.planner.activate(facts, {})),
      ...all.map((facts) => b.planner.activate(facts, {})),
    ]);
    await a.outboxDrained();
    await b.outboxDrained();
    const meetings = (await Promise.all(all.map((facts) => meetingsOf(facts.matchId)))).flat();
    expect(meetings.map((m) => m['kind']).sort()).toEqual([
      ...Array<string>(6).fill('check-in'),
      ...Array<string>(3).fill('kickoff'),
    ]);
    // The mentor is in every meeting: no two of them overlap.
    const times = meetings
      .map((m) => [(m['start'] as Date).getTime(), (m['end'] as Date).getTime()])
      .sort((x, y) => x[0] - y[0]);
    times.slice(1).forEach(([start], i) => expect(start).toBeGreaterThanOrEqual(times[i][1]));
    const stored = await a.connection
      .collection('matches')
      .find({ _id: { $in: all.map((f) => f.matchId) } as never })
      .toArray();
    expect(stored.map((m) => String(m['kickoff']))).toEqual([
      'scheduled',
      'scheduled',
      'scheduled',
    ]);
    for (const facts of all) {
      await waitFor(() => scheduledEvents(facts.matchId).length >= 3);
      expect(new Set(scheduledEvents(facts.matchId).map((e) => e.data['meetingId'])).size).toBe(3);
    }
  });

  it('sends each reminder once, however many replicas tick', async () => {
    const facts = match(
      tenant,
      prog.programId,
      mentee.physicianId,
      mentor.physicianId,
      ACTIVATED_AT,
    );
    await a.planner.activate(facts, {});
    const [kickoff] = await meetingsOf(facts.matchId);
    const start = kickoff['start'] as Date;
    clock.set(new Date(start.getTime() - 24 * 3_600_000));
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    clock.set(new Date(start.getTime() - 30 * 60_000));
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    await a.scheduler.tick();
    await a.outboxDrained();
    await waitFor(
      async () =>
        (await a.connection
          .collection('announcements')
          .countDocuments({ _outboxPending: true })) === 0,
    );
    const reminders = () =>
      log.about(
        Topics.SchedulingMeeting,
        (e) =>
          e.type === 'medmentor.scheduling.reminder.due' && e.data['meetingId'] === kickoff['_id'],
      );
    await waitFor(() => reminders().length >= 2);
    expect(distinct(reminders()).map((e) => e.data['offsetMinutes'])).toEqual([1440, 60]);
    clock.set(ACTIVATED_AT);
  });

  it('cancels the meetings still ahead when the match ends, once', async () => {
    const facts = match(
      tenant,
      prog.programId,
      mentee.physicianId,
      mentor.physicianId,
      ACTIVATED_AT,
    );
    await a.planner.activate(facts, {});
    clock.set('2026-03-20T00:00:00.000Z');
    const ended = await feed.send(
      'medmentor.matching.match.ended',
      { ...facts, reason: 'withdrawn', version: 3, at: '2026-03-20T00:00:00.000Z' },
      tenant,
    );
    const again = await feed.send(
      'medmentor.matching.match.ended',
      { ...facts, reason: 'withdrawn', version: 3, at: '2026-03-20T00:00:00.000Z' },
      tenant,
    );
    await a.processed(ended);
    await a.processed(again);
    await a.outboxDrained();
    const meetings = await meetingsOf(facts.matchId);
    // The kickoff (3 March) is in the past and stays; the check-ins ahead are cancelled.
    expect(meetings.map((m) => m['status'])).toEqual(['scheduled', 'cancelled', 'cancelled']);
    const cancelled = () =>
      log.about(
        Topics.SchedulingMeeting,
        (e) =>
          e.type === 'medmentor.scheduling.meeting.cancelled' &&
          e.data['matchId'] === facts.matchId,
      );
    await waitFor(() => cancelled().length >= 2);
    expect(distinct(cancelled()).map((e) => e.data['reason'])).toEqual([
      'match-ended',
      'match-ended',
    ]);
    clock.set(ACTIVATED_AT);
  });

  it('says so when the pair has no common slot in the kickoff window, and schedules nothing', async () => {
    const early = physician(tenant, 'Asia/Kolkata', [{ day: 'mon', start: '07:00', end: '08:00' }]);
    const ids = [await feed.send('medmentor.profiles.physician.registered', early, tenant)];
    await a.processed(ids[0]);
    const facts = match(
      tenant,
      prog.programId,
      early.physicianId,
      mentor.physicianId,
      ACTIVATED_AT,
    );
    const activated = await feed.send('medmentor.matching.match.activated', facts, tenant);
    await a.processed(activated);
    const events = await log.waitFor(
      Topics.SchedulingRelationship,
      (e) => e.data['matchId'] === facts.matchId,
      1,
    );
    expect(events[0]).toMatchObject({
      type: 'medmentor.scheduling.slot.not-found',
      data: { reason: 'no-overlap', kind: 'kickoff' },
    });
    expect(await meetingsOf(facts.matchId)).toHaveLength(0);
  });

  it('serves .ics invitations and a revocable feed that an independent parser reads with correct UTC times', async () => {
    const facts = match(
      tenant,
      prog.programId,
      mentee.physicianId,
      mentor.physicianId,
      ACTIVATED_AT,
    );
    await a.planner.activate(facts, {});
    const token = await a.token(tenant, ['mentee'], mentee.physicianId);
    const page = await a.call<Page>('GET', `/api/v1/matches/${facts.matchId}/meetings`, { token });
    expect(page.status).toBe(200);
    const kickoff = page.body.items[0];
    const invitation = await a.call(
      'GET',
      `/api/v1/meetings/${encodeURIComponent(kickoff.id)}/invitation.ics`,
      { token },
    );
    expect(invitation.status).toBe(200);
    expect(String(invitation.headers['content-type'])).toContain('text/calendar');
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(invitation.text) as unknown[]).getFirstSubcomponent('vevent') ??
        undefined,
    );
    expect(new Date(event.startDate.toUnixTime() * 1000).toISOString()).toBe(kickoff.start);
    expect(new Date(event.endDate.toUnixTime() * 1000).toISOString()).toBe(kickoff.end);
    expect(event.uid).toBe(`${kickoff.id}@medmentor`);
    expect(kickoff.videoUrl).toBe(
      `https://video.example.org/room/${encodeURIComponent(kickoff.id)}`,
    );

    const issued = await a.call<{ url: string }>(
      'POST',
      `/api/v1/physicians/${mentee.physicianId}/calendar-feed`,
      { token },
    );
    expect(issued.status).toBe(201);
    const path = new URL(issued.body.url).pathname;
    const feedReply = await a.call('GET', path);
    expect(feedReply.status).toBe(200);
    const starts = new ICAL.Component(ICAL.parse(feedReply.text) as unknown[])
      .getAllSubcomponents('vevent')
      .map((v) => new Date(new ICAL.Event(v).startDate.toUnixTime() * 1000).toISOString());
    expect(starts).toContain(kickoff.start);
    expect(
      (await a.call('DELETE', `/api/v1/physicians/${mentee.physicianId}/calendar-feed`, { token }))
        .status,
    ).toBe(204);
    expect((await a.call('GET', path)).status).toBe(404);
  });

  it('keeps tenants apart and refuses bad input with problem+json naming the field, changing nothing', async () => {
    // A pair of its own, so the other tests' meetings do not take the slots used here.
    const [mentee, mentor] = newYorkLondonPair(tenant);
    for (const p of [mentee, mentor])
      await a.processed(await feed.send('medmentor.profiles.physician.registered', p, tenant));
    const facts = match(
      tenant,
      prog.programId,
      mentee.physicianId,
      mentor.physicianId,
      ACTIVATED_AT,
    );
    await a.planner.activate(facts, {});
    const [kickoff] = await meetingsOf(facts.matchId);
    const id = encodeURIComponent(String(kickoff['_id']));
    const otherAdmin = await a.token(otherTenant, ['org-admin']);
    expect((await a.call('GET', `/api/v1/meetings/${id}`, { token: otherAdmin })).status).toBe(404);
    expect(
      (await a.call('GET', `/api/v1/matches/${facts.matchId}/meetings`, { token: otherAdmin }))
        .status,
    ).toBe(404);
    const list = await a.call<Page>('GET', `/api/v1/physicians/${mentee.physicianId}/meetings`, {
      token: otherAdmin,
    });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    // Another physician of the same tenant does not see the pair's meeting either.
    const stranger = await a.token(tenant, ['mentee'], 'someone-else');
    expect((await a.call('GET', `/api/v1/meetings/${id}`, { token: stranger })).status).toBe(404);

    const token = await a.token(tenant, ['mentor'], mentor.physicianId);
    const bad = await a.call('POST', `/api/v1/meetings/${id}/reschedule`, {
      token,
      body: { start: 'tomorrow', sequence: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toContain('start');
    const stale = await a.call('POST', `/api/v1/meetings/${id}/reschedule`, {
      token,
      body: { start: '2026-03-05T17:00:00.000Z', sequence: 7 },
    });
    expect(stale.status).toBe(409);
    // Wednesday: neither has a window.
    const outside = await a.call('POST', `/api/v1/meetings/${id}/reschedule`, {
      token,
      body: { start: '2026-03-04T17:00:00.000Z', sequence: 0 },
    });
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({
      code: 'slot-not-available',
      errors: [{ field: 'start' }],
    });
    const unchanged = await a.connection
      .collection('meetings')
      .findOne({ _id: kickoff['_id'] as never });
    expect(unchanged?.['start']).toEqual(kickoff['start']);
    expect(unchanged?.['sequence']).toBe(0);
    // Thursday 5 March 12:00 New York is common: the move goes through.
    const moved = await a.call<MeetingBody>('POST', `/api/v1/meetings/${id}/reschedule`, {
      token,
      body: { start: '2026-03-05T18:00:00.000Z', sequence: 0 },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      start: '2026-03-05T18:00:00.000Z',
      sequence: 1,
      local: { mentee: '2026-03-05T13:00:00.000-05:00' },
    });

    const upload = await a.call('PUT', `/api/v1/physicians/${mentor.physicianId}/busy-calendar`, {
      token,
      body: { ics: 'not a calendar' },
    });
    expect(upload.status).toBe(422);
    expect(upload.body.errors?.map((e) => e.field)).toEqual(['ics']);
    const blackout = await a.call('POST', `/api/v1/physicians/${mentor.physicianId}/blackouts`, {
      token,
      body: { from: '2026-03-10', to: '2026-03-09' },
    });
    expect(blackout.status).toBe(400);
    expect(blackout.body.errors?.map((e) => e.field)).toEqual(['to']);
  });
});
