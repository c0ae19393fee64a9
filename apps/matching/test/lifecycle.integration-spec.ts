import { randomUUID } from 'node:crypto';
import { Topics } from '@medmentor/contracts';
import { uniqueName, waitFor } from '@medmentor/testing';
import { Clock } from '../src/core/clock';
import { MatchService } from '../src/matches/match.service';
import { MATCHING_FEATURES } from './features';
import { EventLog, fieldsOf, MatchingTestApp, EventFeed, DEADLINE_MS } from './matching-test-app';
import { ProgramBuilder, type Participant } from './program-builder';

interface MatchBody {
  matchId: string;
  status: string;
  menteeId: string;
  mentorId: string;
  menteeEnrollmentId: string;
  mentorEnrollmentId: string;
  origin: string;
  endReason?: string;
  factors?: unknown[];
  anonymised?: boolean;
  responseDeadline: string;
}

describe('the match lifecycle on Kafka and FerretDB', () => {
  let app: MatchingTestApp;
  let feed: EventFeed;
  let log: EventLog;
  const tenant = uniqueName('tenant');
  let admin: string;
  let program: ProgramBuilder;
  let a: Participant, b: Participant, x: Participant, y: Participant, z: Participant;
  const byMentee: Record<string, MatchBody> = {};

  const as = (p: Participant) =>
    app.token(tenant, [p.enrollment.side === 'mentor' ? 'mentor' : 'mentee'], {
      physicianId: p.physician.physicianId,
    });
  const get = async (matchId: string) =>
    (await app.call<MatchBody>('GET', `/api/v1/matches/${matchId}`, { token: admin })).body;

  beforeAll(async () => {
    app = await MatchingTestApp.start(MATCHING_FEATURES, {
      MATCH_RUN_POLL_INTERVAL_MS: '100',
      MATCH_EXPIRY_INTERVAL_MS: '200',
      MATCH_RESPONSE_HOURS: '48',
    });
    feed = await EventFeed.start();
    log = await EventLog.start([Topics.MatchingMatch]);
    admin = await app.token(tenant, ['program-admin']);

    program = await ProgramBuilder.publish(app, feed, tenant);
    ({ a, b, x, y, z } = await program.enrolTwoMenteesThreeMentors());
    const started = await app.call<{ runId: string }>(
      'POST',
      `/api/v1/programs/${program.programId}/match-runs`,
      { token: admin, body: {} },
    );
    const runId = started.body.runId;
    await waitFor(
      async () =>
        (await app.call<{ status: string }>('GET', `/api/v1/match-runs/${runId}`, { token: admin }))
          .body.status === 'completed',
      { timeoutMs: DEADLINE_MS },
    );

    const published = await app.call<{ proposed: number; skipped: number }>(
      'POST',
      `/api/v1/match-runs/${runId}/publish`,
      { token: admin },
    );
    expect(published).toMatchObject({ status: 200, body: { proposed: 2, skipped: 0 } });
    const again = await app.call('POST', `/api/v1/match-runs/${runId}/publish`, { token: admin });
    expect(again.status).toBe(409);
    const list = await app.call<{ items: MatchBody[] }>(
      'GET',
      `/api/v1/matches?programId=${program.programId}`,
      { token: admin },
    );
    for (const match of list.body.items) byMentee[match.menteeEnrollmentId] = match;
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await log?.stop();
    await feed?.stop();
    await app?.close();
  });

  it('proposes the run’s matches with both physicians, program, role and deadline in the event', async () => {
    const matchA = byMentee[a.enrollment.enrollmentId];
    expect(matchA).toMatchObject({
      status: 'proposed',
      origin: 'run',
      mentorEnrollmentId: x.enrollment.enrollmentId,
    });
    const [proposed] = await log.waitFor(Topics.MatchingMatch, matchA.matchId, 1);
    expect(proposed).toMatchObject({
      type: 'medmentor.matching.match.proposed',
      data: {
        menteeId: a.physician.physicianId,
        mentorId: x.physician.physicianId,
        programId: program.programId,
        role: 'career',
        responseDeadline: matchA.responseDeadline,
      },
    });
  });

  it('activates a match once both physicians accept, each for themself only', async () => {
    const matchId = byMentee[a.enrollment.enrollmentId].matchId;
    const stranger = await app.token(tenant, ['mentee'], { physicianId: b.physician.physicianId });
    expect(
      (await app.call('POST', `/api/v1/matches/${matchId}/accept`, { token: stranger })).status,
    ).toBe(404);
    const adminAccept = await app.call('POST', `/api/v1/matches/${matchId}/accept`, {
      token: admin,
    });
    expect(adminAccept.status).toBe(403);

    const first = await app.call<MatchBody>('POST', `/api/v1/matches/${matchId}/accept`, {
      token: await as(a),
    });
    expect(first.body.status).toBe('proposed');
    const repeat = await app.call<MatchBody>('POST', `/api/v1/matches/${matchId}/accept`, {
      token: await as(a),
    });
    expect(repeat.status).toBe(200);
    const second = await app.call<MatchBody>('POST', `/api/v1/matches/${matchId}/accept`, {
      token: await as(x),
    });
    expect(second.body.status).toBe('activated');
    const events = await log.waitFor(Topics.MatchingMatch, matchId, 4);
    expect(events.map((e) => e.type)).toEqual([
      'medmentor.matching.match.proposed',
      'medmentor.matching.match.accepted',
      'medmentor.matching.match.accepted',
      'medmentor.matching.match.activated',
    ]);
    expect(events.map((e) => e.data['by'])).toEqual([undefined, 'mentee', 'mentor', undefined]);
    expect(
      (
        await app.call('POST', `/api/v1/matches/${matchId}/decline`, {
          token: await as(x),
          body: {},
        })
      ).status,
    ).toBe(409);

    const mine = await app.call<{ items: MatchBody[] }>('GET', '/api/v1/matches', {
      token: await as(a),
    });
    expect(mine.body.items.map((m) => m.matchId)).toEqual([matchId]);
  });

  it('rematches a declined mentee with the next best available mentor', async () => {
    const declinedId = byMentee[b.enrollment.enrollmentId].matchId;
    const declined = await app.call<MatchBody>('POST', `/api/v1/matches/${declinedId}/decline`, {
      token: await as(y),
      body: { reason: 'no time this year' },
    });
    expect(declined.body.status).toBe('declined');
    const rematch = await app.call<MatchBody>('POST', `/api/v1/matches/${declinedId}/rematch`, {
      token: admin,
    });
    expect(rematch.status).toBe(201);
    // x is full (a's match is active), y declined: z is the next best with a place.
    expect(rematch.body).toMatchObject({
      origin: 'rematch',
      status: 'proposed',
      menteeEnrollmentId: b.enrollment.enrollmentId,
      mentorEnrollmentId: z.enrollment.enrollmentId,
    });
    expect(
      (await app.call('POST', `/api/v1/matches/${declinedId}/rematch`, { token: admin })).status,
    ).toBe(409);
    byMentee[b.enrollment.enrollmentId] = rematch.body;
  });

  it('expires a proposal once the injected clock passes its deadline, once even with two sweeps', async () => {
    const matchId = byMentee[b.enrollment.enrollmentId].matchId;
    const clock = app.app.get(Clock);
    const later = new Date(Date.now() + 49 * 3_600_000);
    jest.spyOn(clock, 'now').mockImplementation(() => later);
    const service = app.app.get(MatchService);
    const match = await app.connection.collection('matches').findOne({ _id: matchId as never });
    const outcomes = await Promise.all([
      service.expire(match as never, later),
      service.expire(match as never, later),
    ]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const expired = await waitFor(
      async () => ((await get(matchId)).status === 'expired' ? get(matchId) : undefined),
      { timeoutMs: DEADLINE_MS },
    );
    expect(expired.status).toBe('expired');
    const events = await log.waitFor(Topics.MatchingMatch, matchId, 2);
    expect(events.filter((e) => e.type === 'medmentor.matching.match.expired')).toHaveLength(1);
    expect(
      (await app.call('POST', `/api/v1/matches/${matchId}/accept`, { token: await as(b) })).status,
    ).toBe(409);
    jest.restoreAllMocks();
  });

  it('lets an administrator match by hand, refusing pairs the hard constraints forbid, and unmatch', async () => {
    const url = `/api/v1/programs/${program.programId}/matches`;
    const boss = await program.enrol('mentor');
    const junior = await program.enrol('mentee', {
      reportingLine: { supervisorIds: [boss.physician.physicianId], evaluatorIds: [] },
    });
    await program.settled();
    const conflict = await app.call('POST', url, {
      token: admin,
      body: {
        menteeEnrollmentId: junior.enrollment.enrollmentId,
        mentorEnrollmentId: boss.enrollment.enrollmentId,
        role: 'career',
      },
    });
    expect(conflict.status).toBe(422);
    expect(conflict.body).toMatchObject({ code: 'pair-not-allowed' });
    expect(fieldsOf(conflict.body)).toContain('mentorEnrollmentId');
    const unknown = await app.call('POST', url, {
      token: admin,
      body: {
        menteeEnrollmentId: 'nobody',
        mentorEnrollmentId: boss.enrollment.enrollmentId,
        role: 'career',
      },
    });
    expect(unknown.status).toBe(422);
    expect(fieldsOf(unknown.body)).toEqual(['menteeEnrollmentId']);
    const badRole = await app.call('POST', url, {
      token: admin,
      body: { menteeEnrollmentId: 'a', mentorEnrollmentId: 'b', role: 'boss' },
    });
    expect(badRole.status).toBe(400);
    expect(fieldsOf(badRole.body)).toEqual(['role']);

    const manual = await app.call<MatchBody>('POST', url, {
      token: admin,
      body: {
        menteeEnrollmentId: junior.enrollment.enrollmentId,
        mentorEnrollmentId: z.enrollment.enrollmentId,
        role: 'career',
      },
    });
    expect(manual).toMatchObject({ status: 201, body: { origin: 'manual', status: 'proposed' } });
    const unmatched = await app.call<MatchBody>(
      'POST',
      `/api/v1/matches/${manual.body.matchId}/unmatch`,
      { token: admin },
    );
    expect(unmatched.body).toMatchObject({ status: 'ended', endReason: 'unmatched' });
    expect(
      (
        await app.call('POST', `/api/v1/matches/${manual.body.matchId}/unmatch`, {
          token: await as(junior),
        })
      ).status,
    ).toBe(403);
  });

  it('hides a tenant’s matches from another tenant', async () => {
    const matchId = byMentee[a.enrollment.enrollmentId].matchId;
    const other = await app.token(uniqueName('tenant'), ['org-admin']);
    expect((await app.call('GET', `/api/v1/matches/${matchId}`, { token: other })).status).toBe(
      404,
    );
    expect(
      (await app.call('POST', `/api/v1/matches/${matchId}/unmatch`, { token: other })).status,
    ).toBe(404);
    const list = await app.call<{ items: unknown[] }>(
      'GET',
      `/api/v1/matches?programId=${program.programId}`,
      { token: other },
    );
    expect(list.body.items).toEqual([]);
    expect(
      (await app.call('GET', `/api/v1/matches/${randomUUID()}`, { token: admin })).status,
    ).toBe(404);
  });

  it('ends an active match when its mentee is erased and drops the explanations', async () => {
    const matchId = byMentee[a.enrollment.enrollmentId].matchId;
    const erased = await feed.send(
      'medmentor.profiles.physician.erased',
      { physicianId: a.physician.physicianId, tenantId: tenant },
      tenant,
    );
    await app.processed(erased.id);
    const after = await get(matchId);
    expect(after).toMatchObject({ status: 'ended', endReason: 'withdrawn', anonymised: true });
    expect(after.factors).toBeUndefined();
    const events = await log.waitFor(Topics.MatchingMatch, matchId, 5);
    expect(events[4]).toMatchObject({
      type: 'medmentor.matching.match.ended',
      data: { reason: 'withdrawn' },
    });
  });
  it('ends live matches when an enrollment is withdrawn and when the program closes', async () => {
    const url = `/api/v1/programs/${program.programId}/matches`;
    const c = await program.enrol('mentee');
    const d = await program.enrol('mentee');
    await program.settled();
    const pair = (p: Participant) => ({
      menteeEnrollmentId: p.enrollment.enrollmentId,
      mentorEnrollmentId: z.enrollment.enrollmentId,
      role: 'career',
    });
    const first = await app.call<MatchBody>('POST', url, { token: admin, body: pair(c) });
    expect(first.status).toBe(201);
    const withdrawn = await feed.send(
      'medmentor.profiles.enrollment.withdrawn',
      { ...c.enrollment, side: 'mentee', withdrawnAt: '2026-10-20T00:00:00.000Z', version: 2 },
      tenant,
    );
    await app.processed(withdrawn.id);
    expect(await get(first.body.matchId)).toMatchObject({
      status: 'ended',
      endReason: 'withdrawn',
    });

    const second = await app.call<MatchBody>('POST', url, { token: admin, body: pair(d) });
    expect(second.status).toBe(201);
    const closed = await feed.send(
      'medmentor.profiles.program.closed',
      {
        programId: program.programId,
        tenantId: tenant,
        closedAt: '2026-12-01T00:00:00.000Z',
        version: 2,
      },
      tenant,
    );
    await app.processed(closed.id);
    expect(await get(second.body.matchId)).toMatchObject({
      status: 'ended',
      endReason: 'program-closed',
    });
    const events = await log.waitFor(Topics.MatchingMatch, second.body.matchId, 2);
    expect(events[1]).toMatchObject({
      type: 'medmentor.matching.match.ended',
      data: { reason: 'program-closed' },
    });
    expect((await app.call('POST', url, { token: admin, body: pair(d) })).status).toBe(404);
  });
});
