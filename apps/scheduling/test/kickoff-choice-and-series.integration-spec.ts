import { Topics } from '@medmentor/contracts';
import { uniqueName, waitFor } from '@medmentor/testing';
import { distinct, match, newYorkLondonPair, physician, program } from './fixtures';
import { EventFeed, EventLog, SchedulingTestApp, TestClock } from './scheduling-test-app';

interface MeetingBody {
  id: string;
  kind: string;
  start: string;
  sequence: number;
  agenda: { id: string; text: string }[];
}

const ACTIVATED_AT = '2026-03-02T12:00:00.000Z';

describe('choosing the kickoff and extending series (real Kafka and MongoDB-wire server)', () => {
  const clock = new TestClock(new Date(ACTIVATED_AT));
  let a: SchedulingTestApp;
  let b: SchedulingTestApp;
  let feed: EventFeed;
  let log: EventLog;
  const tenant = uniqueName('lakeside');
  const prog = program(tenant);
  const openEnded = program(tenant, { cadence: [{ every: 'month' }] });
  // New York lunch = London late afternoon, Tuesdays and Thursdays; a new pair per test.
  const pair = () => newYorkLondonPair(tenant);
  const meetingsOf = (matchId: string) =>
    a.connection
      .collection<Record<string, unknown>>('meetings')
      .find({ matchId })
      .sort({ start: 1 })
      .toArray();
  const scheduledEvents = (matchId: string) =>
    distinct(
      log.about(
        Topics.SchedulingMeeting,
        (e) => e.type === 'medmentor.scheduling.meeting.scheduled' && e.data['matchId'] === matchId,
      ),
    );
  const register = async (...people: ReturnType<typeof physician>[]) => {
    for (const p of people)
      await a.processed(await feed.send('medmentor.profiles.physician.registered', p, tenant));
  };

  beforeAll(async () => {
    a = await SchedulingTestApp.start(clock);
    b = await SchedulingTestApp.start(clock, a.shared);
    feed = await EventFeed.start();
    log = await EventLog.start([Topics.SchedulingMeeting, Topics.SchedulingRelationship]);
    for (const p of [prog, openEnded])
      await a.processed(await feed.send('medmentor.profiles.program.published', p, tenant));
  });

  afterAll(async () => {
    await log?.stop();
    await feed?.stop();
    await b?.close({ dropDatabase: false });
    await a?.close();
  });

  it('lets the pair choose the kickoff after no common slot, checked against both calendars, once', async () => {
    const [mentee, mentor] = pair();
    await register(mentee, mentor);
    const admin = await a.token(tenant, ['program-admin']);
    const template = await a.call(
      'PUT',
      `/api/v1/programs/${prog.programId}/agenda-templates/kickoff`,
      {
        token: admin,
        body: { items: ['Goals for the first year', 'How we keep in touch'] },
      },
    );
    expect(template.status).toBe(200);
    const mentorToken = await a.token(tenant, ['mentor'], mentor.physicianId);
    // The mentor is away for the whole kickoff window (2-16 March).
    const away = await a.call('POST', `/api/v1/physicians/${mentor.physicianId}/blackouts`, {
      token: mentorToken,
      body: { from: '2026-03-02', to: '2026-03-17' },
    });
    expect(away.status).toBe(201);
    const facts = match(
      tenant,
      prog.programId,
      mentee.physicianId,
      mentor.physicianId,
      ACTIVATED_AT,
    );
    await a.planner.activate(facts, {});
    await log.waitFor(
      Topics.SchedulingRelationship,
      (e) =>
        e.type === 'medmentor.scheduling.slot.not-found' && e.data['matchId'] === facts.matchId,
      1,
    );
    expect(await meetingsOf(facts.matchId)).toHaveLength(0);

    const url = `/api/v1/matches/${facts.matchId}/kickoff`;
    const token = await a.token(tenant, ['mentee'], mentee.physicianId);
    const stranger = await a.token(tenant, ['mentee'], 'someone-else');
    expect(
      (await a.call('POST', url, { token: stranger, body: { start: '2026-03-19T17:00:00.000Z' } }))
        .status,
    ).toBe(404);
    const invalid = await a.call('POST', url, { token, body: { start: 'next thursday' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((e) => e.field)).toEqual(['start']);
    // Tuesday 10 March is inside the mentor's blackout; Wednesday 18 March is in nobody's week.
    for (const start of ['2026-03-10T17:00:00.000Z', '2026-03-18T17:00:00.000Z']) {
      const clash = await a.call('POST', url, { token, body: { start } });
      expect(clash.status).toBe(422);
      expect(String(clash.headers['content-type'])).toContain('application/problem+json');
      expect(clash.body).toMatchObject({
        code: 'slot-not-available',
        errors: [{ field: 'start' }],
      });
    }
    const past = await a.call('POST', url, { token, body: { start: '2026-03-01T17:00:00.000Z' } });
    expect(past.status).toBe(422);
    expect(past.body.errors?.map((e) => e.field)).toEqual(['start']);
    expect(await meetingsOf(facts.matchId)).toHaveLength(0);

    // Thursday 19 March, 13:00 in New York (EDT) = 17:00 in London (GMT): both can attend.
    const chosen = await a.call<MeetingBody>('POST', url, {
      token,
      body: { start: '2026-03-19T17:00:00.000Z' },
    });
    expect(chosen.status).toBe(201);
    expect(chosen.body).toMatchObject({
      id: `${facts.matchId}:kickoff`,
      kind: 'kickoff',
      start: '2026-03-19T17:00:00.000Z',
      sequence: 0,
    });
    expect(chosen.body.agenda.map((i) => i.text)).toEqual([
      'Goals for the first year',
      'How we keep in touch',
    ]);
    // The same choice again (a retried request, the other side) gives the same meeting.
    const again = await a.call<MeetingBody>('POST', url, {
      token: mentorToken,
      body: { start: '2026-03-19T17:00:00.000Z' },
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(chosen.body.id);
    const other = await a.call('POST', url, { token, body: { start: '2026-03-24T16:00:00.000Z' } });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'kickoff-scheduled', errors: [{ field: 'start' }] });

    await a.outboxDrained();
    const meetings = await meetingsOf(facts.matchId);
    // The series follows the chosen kickoff: the 3rd Thursday of the next months, 13:00 New York.
    expect(meetings.map((m) => [m['kind'], (m['start'] as Date).toISOString()])).toEqual([
      ['kickoff', '2026-03-19T17:00:00.000Z'],
      ['check-in', '2026-04-16T17:00:00.000Z'],
      ['check-in', '2026-05-21T17:00:00.000Z'],
    ]);
    await waitFor(() => scheduledEvents(facts.matchId).length >= 3);
    // One event per meeting (the relays publish in no fixed order across documents).
    expect(
      scheduledEvents(facts.matchId)
        .map((e) => e.data['meetingId'])
        .sort(),
    ).toEqual(meetings.map((m) => m['_id']).sort());
    const matchDoc = await a.connection
      .collection('matches')
      .findOne({ _id: facts.matchId as never });
    expect(matchDoc?.['kickoff']).toBe('scheduled');
  });

  it('finishes a chosen kickoff that was stored but not settled when the same choice comes again', async () => {
    const [mentee, mentor] = pair();
    await register(mentee, mentor);
    const mentorToken = await a.token(tenant, ['mentor'], mentor.physicianId);
    await a.call('POST', `/api/v1/physicians/${mentor.physicianId}/blackouts`, {
      token: mentorToken,
      body: { from: '2026-03-02', to: '2026-03-17' },
    });
    const facts = match(
      tenant,
      prog.programId,
      mentee.physicianId,
      mentor.physicianId,
      ACTIVATED_AT,
    );
    await a.planner.activate(facts, {});
    const url = `/api/v1/matches/${facts.matchId}/kickoff`;
    const body = { start: '2026-03-24T17:00:00.000Z' };
    expect((await a.call('POST', url, { token: mentorToken, body })).status).toBe(201);
    // As if the process had stopped after storing the kickoff: no series, outcome unsettled.
    await a.connection
      .collection('meetings')
      .deleteMany({ matchId: facts.matchId, kind: 'check-in' });
    await a.connection
      .collection('matches')
      .updateOne(
        { _id: facts.matchId as never },
        { $set: { kickoff: 'no-common-slot' }, $unset: { series: '' } },
      );
    const later = await a.call('POST', url, {
      token: mentorToken,
      body: { start: '2026-03-26T17:00:00.000Z' },
    });
    expect(later.status).toBe(409);
    const again = await a.call<MeetingBody>('POST', url, { token: mentorToken, body });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      id: `${facts.matchId}:kickoff`,
      start: body.start,
      sequence: 0,
    });
    const meetings = await meetingsOf(facts.matchId);
    expect(meetings.map((m) => m['kind'])).toEqual(['kickoff', 'check-in', 'check-in']);
    const matchDoc = await a.connection
      .collection('matches')
      .findOne({ _id: facts.matchId as never });
    expect(matchDoc?.['kickoff']).toBe('scheduled');
  });

  it('extends an open series as the horizon moves, once however many replicas sweep', async () => {
    const [mentee, mentor] = pair();
    await register(mentee, mentor);
    const facts = match(
      tenant,
      openEnded.programId,
      mentee.physicianId,
      mentor.physicianId,
      ACTIVATED_AT,
    );
    await a.planner.activate(facts, {});
    const before = await meetingsOf(facts.matchId);
    // 100 days ahead (the test's horizon): the kickoff and the first Tuesdays of April to June.
    expect(before.map((m) => (m['start'] as Date).toISOString())).toEqual([
      '2026-03-03T17:00:00.000Z',
      '2026-04-07T16:00:00.000Z',
      '2026-05-05T16:00:00.000Z',
      '2026-06-02T16:00:00.000Z',
    ]);
    const admin = await a.token(tenant, ['org-admin']);
    const items = ['Job ads read together', 'Contract red flags: non-compete, tail coverage'];
    expect(
      (
        await a.call('PUT', `/api/v1/programs/${openEnded.programId}/agenda-templates/monthly`, {
          token: admin,
          body: { items },
        })
      ).status,
    ).toBe(200);

    clock.set('2026-04-01T00:00:00.000Z');
    // Every planned match of this file is due (horizons of 10 June < 3 July); each moves once.
    const due = await a.connection
      .collection('matches')
      .countDocuments({ 'series.horizon': { $lt: new Date('2026-07-03T00:00:00.000Z') } });
    expect(due).toBeGreaterThanOrEqual(1);
    const reports = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(reports.reduce((sum, r) => sum + r.extended, 0)).toBe(due);
    const repeated = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(repeated.map((r) => r.extended)).toEqual([0, 0]);
    await a.outboxDrained();
    const after = await meetingsOf(facts.matchId);
    expect(after.map((m) => m['_id'])).toEqual([
      ...before.map((m) => m['_id']),
      `${facts.matchId}:check-in:3`,
    ]);
    const added = after[4];
    expect((added['start'] as Date).toISOString()).toBe('2026-07-07T16:00:00.000Z');
    // New meetings take the program's template; those planned before keep theirs.
    expect((added['agenda'] as { text: string }[]).map((i) => i.text)).toEqual(items);
    expect(after[3]['agenda']).toEqual([]);
    const matchDoc = await a.connection
      .collection('matches')
      .findOne({ _id: facts.matchId as never });
    expect((matchDoc?.['series'] as { horizon: Date }).horizon.toISOString()).toBe(
      '2026-07-10T00:00:00.000Z',
    );
    await waitFor(() => scheduledEvents(facts.matchId).length >= 5);
    expect(
      scheduledEvents(facts.matchId).filter((e) => e.data['meetingId'] === added['_id']),
    ).toHaveLength(1);
    clock.set(ACTIVATED_AT);
  });
});
