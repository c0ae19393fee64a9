import { uniqueName } from '@medmentor/testing';
import { MATCHING_FEATURES } from './features';
import { fieldsOf, MatchingTestApp, EventFeed } from './matching-test-app';
import { ProgramBuilder, type Participant } from './program-builder';

interface Recommendations {
  role: string;
  items: { mentorEnrollmentId: string; score: number; factors: { contribution: number }[] }[];
}

describe('recommendations and self-match requests', () => {
  let app: MatchingTestApp;
  let feed: EventFeed;
  const tenant = uniqueName('tenant');
  let program: ProgramBuilder;
  let a: Participant,
    b: Participant,
    x: Participant,
    y: Participant,
    boss: Participant,
    resting: Participant;

  const as = (p: Participant) =>
    app.token(tenant, [p.enrollment.side === 'mentor' ? 'mentor' : 'mentee'], {
      physicianId: p.physician.physicianId,
    });
  const recommendUrl = (p: Participant, extra = '') =>
    `/api/v1/programs/${program.programId}/recommendations?menteeEnrollmentId=${p.enrollment.enrollmentId}${extra}`;
  const ids = (body: Recommendations) => body.items.map((item) => item.mentorEnrollmentId);

  beforeAll(async () => {
    app = await MatchingTestApp.start(MATCHING_FEATURES);
    feed = await EventFeed.start();
    program = await ProgramBuilder.publish(app, feed, tenant, {
      matchingMode: 'self-match',
      cycle: {
        enrollmentOpensAt: '2026-09-01T00:00:00.000Z',
        enrollmentClosesAt: '2026-09-30T00:00:00.000Z',
      },
    });
    x = await program.enrol('mentor', { specialty: 'pediatrics' });
    y = await program.enrol('mentor', { specialty: 'internal-medicine' });
    boss = await program.enrol('mentor', { specialty: 'pediatrics' });
    resting = await program.enrol('mentor', { specialty: 'pediatrics', takingBreak: true });
    a = await program.enrol('mentee', {
      specialty: 'pediatrics',
      reportingLine: { supervisorIds: [boss.physician.physicianId], evaluatorIds: [] },
    });
    b = await program.enrol('mentee');
    await program.settled();
  });

  afterAll(async () => {
    await feed?.stop();
    await app?.close();
  });

  it('recommends the best allowed mentors first, each score explained, leaving out forbidden ones', async () => {
    const res = await app.call<Recommendations>('GET', recommendUrl(a, '&k=5'), {
      token: await as(a),
    });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('career');
    expect(ids(res.body)).toEqual([x.enrollment.enrollmentId, y.enrollment.enrollmentId]);
    expect(ids(res.body)).not.toContain(boss.enrollment.enrollmentId);
    expect(ids(res.body)).not.toContain(resting.enrollment.enrollmentId);
    for (const item of res.body.items) {
      expect(item.factors.reduce((sum, f) => sum + f.contribution, 0)).toBe(item.score);
    }
    const one = await app.call<Recommendations>('GET', recommendUrl(a, '&k=1'), {
      token: await as(a),
    });
    expect(ids(one.body)).toEqual([x.enrollment.enrollmentId]);
  });

  it('refuses bad queries, other mentees and mentors with problem+json', async () => {
    const zero = await app.call('GET', recommendUrl(a, '&k=0'), { token: await as(a) });
    expect(zero.status).toBe(400);
    expect(fieldsOf(zero.body)).toEqual(['k']);
    const someoneElse = await app.call('GET', recommendUrl(a), { token: await as(b) });
    expect(someoneElse.status).toBe(403);
    expect(fieldsOf(someoneElse.body)).toEqual(['menteeEnrollmentId']);
    expect((await app.call('GET', recommendUrl(a), { token: await as(x) })).status).toBe(403);
    const other = await app.token(uniqueName('tenant'), ['org-admin']);
    expect((await app.call('GET', recommendUrl(a), { token: other })).status).toBe(404);
    const noRuns = await app.call('POST', `/api/v1/programs/${program.programId}/match-runs`, {
      token: await app.token(tenant, ['program-admin']),
      body: {},
    });
    expect(noRuns.status).toBe(422);
    expect(fieldsOf(noRuns.body)).toEqual(['programId']);
  });

  it('lets a mentee ask a mentor, who accepts; the mentor is then no longer recommended', async () => {
    const url = `/api/v1/programs/${program.programId}/match-requests`;
    const forbidden = await app.call('POST', url, {
      token: await as(a),
      body: {
        menteeEnrollmentId: a.enrollment.enrollmentId,
        mentorEnrollmentId: boss.enrollment.enrollmentId,
        role: 'career',
      },
    });
    expect(forbidden).toMatchObject({ status: 422, body: { code: 'pair-not-allowed' } });

    const asked = await app.call<{
      matchId: string;
      status: string;
      origin: string;
      menteeAcceptedAt?: string;
    }>('POST', url, {
      token: await as(a),
      body: {
        menteeEnrollmentId: a.enrollment.enrollmentId,
        mentorEnrollmentId: x.enrollment.enrollmentId,
        role: 'career',
      },
    });
    expect(asked).toMatchObject({
      status: 201,
      body: { status: 'proposed', origin: 'self-match' },
    });
    expect(asked.body.menteeAcceptedAt).toEqual(expect.any(String));
    const twice = await app.call('POST', url, {
      token: await as(a),
      body: {
        menteeEnrollmentId: a.enrollment.enrollmentId,
        mentorEnrollmentId: y.enrollment.enrollmentId,
        role: 'career',
      },
    });
    expect(twice.status).toBe(409);

    const accepted = await app.call<{ status: string }>(
      'POST',
      `/api/v1/matches/${asked.body.matchId}/accept`,
      {
        token: await as(x),
      },
    );
    expect(accepted.body.status).toBe('activated');
    const after = await app.call<Recommendations>('GET', recommendUrl(a), { token: await as(a) });
    expect(ids(after.body)).toEqual([y.enrollment.enrollmentId]);
  });
});
