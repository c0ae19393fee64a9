import type { AuditEntry } from '@medmentor/audit';
import { uniqueName, waitFor } from '@medmentor/testing';
import { MATCHING_FEATURES } from './features';
import { DEADLINE_MS, MatchingTestApp, EventFeed } from './matching-test-app';
import { ProgramBuilder, type Participant } from './program-builder';

type Entry = Omit<AuditEntry, 'createdAt'> & { createdAt: string };

interface MatchBody {
  matchId: string;
  status: string;
  menteeEnrollmentId: string;
  mentorEnrollmentId: string;
}

describe('audit log of match administration (real Kafka and MongoDB-wire server)', () => {
  let app: MatchingTestApp;
  let feed: EventFeed;
  const tenantA = uniqueName('tenant');
  const tenantB = uniqueName('tenant');
  let programAdmin: string;
  let orgAdminA: string;
  let orgAdminB: string;
  let program: ProgramBuilder;
  let a: Participant, b: Participant, x: Participant, y: Participant, z: Participant;
  let runId: string;
  const byMentee: Record<string, MatchBody> = {};

  const as = (p: Participant) =>
    app.token(tenantA, [p.enrollment.side === 'mentor' ? 'mentor' : 'mentee'], {
      physicianId: p.physician.physicianId,
    });
  const post = async <T = MatchBody>(url: string, token: string, body?: unknown) =>
    app.call<T>('POST', url, { token, ...(body !== undefined && { body }) });
  const auditOf = async (token: string, query: string) =>
    app.call<{ items: Entry[] }>('GET', `/api/v1/audit-events${query}`, { token });
  /** The entries about one resource, newest first: tenant A's org admin reads them, B's never. */
  const historyOf = async (type: string, id: string) => {
    const query = `?resourceType=${type}&resourceId=${id}`;
    const other = await auditOf(orgAdminB, query);
    expect(other).toMatchObject({ status: 200, body: { items: [] } });
    const reply = await auditOf(orgAdminA, query);
    expect(reply.status).toBe(200);
    return reply.body.items;
  };

  beforeAll(async () => {
    app = await MatchingTestApp.start(MATCHING_FEATURES, {
      MATCH_RUN_POLL_INTERVAL_MS: '100',
      MATCH_RESPONSE_HOURS: '48',
    });
    feed = await EventFeed.start();
    programAdmin = await app.token(tenantA, ['program-admin'], { subject: 'pa-1' });
    orgAdminA = await app.token(tenantA, ['org-admin'], { subject: 'oa-1' });
    orgAdminB = await app.token(tenantB, ['org-admin'], { subject: 'oa-2' });

    program = await ProgramBuilder.publish(app, feed, tenantA);
    ({ a, b, x, y, z } = await program.enrolTwoMenteesThreeMentors());
    const started = await post<{ runId: string }>(
      `/api/v1/programs/${program.programId}/match-runs`,
      programAdmin,
      { seed: 7 },
    );
    expect(started.status).toBe(202);
    runId = started.body.runId;
    await waitFor(
      async () =>
        (
          await app.call<{ status: string }>('GET', `/api/v1/match-runs/${runId}`, {
            token: programAdmin,
          })
        ).body.status === 'completed',
      { timeoutMs: DEADLINE_MS, description: `run ${runId} to complete` },
    );
    expect((await post(`/api/v1/match-runs/${runId}/publish`, programAdmin)).status).toBe(200);
    const list = await app.call<{ items: MatchBody[] }>(
      'GET',
      `/api/v1/matches?programId=${program.programId}`,
      { token: programAdmin },
    );
    for (const match of list.body.items) byMentee[match.menteeEnrollmentId] = match;
  });

  afterAll(async () => {
    await feed?.stop();
    await app?.close();
  });

  it('records the start and the publication of a run', async () => {
    const history = await historyOf('match-run', runId);
    expect(history.map((e) => [e.action, e.summary])).toEqual([
      ['match-run.published', { programId: program.programId, proposed: 2, skipped: 0 }],
      ['match-run.started', { programId: program.programId, algorithm: 'assignment', seed: 7 }],
    ]);
    expect(history[1]).toMatchObject({
      tenantId: tenantA,
      service: 'matching',
      actor: { subject: 'pa-1', roles: ['program-admin'] },
      origin: { ip: '127.0.0.1' },
    });
  });

  it('records an administrator ending a mentorship, not a participant ending their own', async () => {
    const matchId = byMentee[a.enrollment.enrollmentId].matchId;
    for (const side of [a, x])
      expect((await post(`/api/v1/matches/${matchId}/accept`, await as(side))).status).toBe(200);
    const ended = await post(`/api/v1/matches/${matchId}/end`, programAdmin);
    expect(ended.body.status).toBe('ended');
    expect(await historyOf('match', matchId)).toEqual([
      expect.objectContaining({
        action: 'match.ended',
        summary: { programId: program.programId, role: 'career', from: 'activated' },
      }),
    ]);
  });

  it('records a rematch, an unmatch and a manual match', async () => {
    const declinedId = byMentee[b.enrollment.enrollmentId].matchId;
    expect((await post(`/api/v1/matches/${declinedId}/decline`, await as(y), {})).status).toBe(200);
    const rematch = await post(`/api/v1/matches/${declinedId}/rematch`, programAdmin);
    expect(rematch.status).toBe(201);
    const unmatched = await post(`/api/v1/matches/${rematch.body.matchId}/unmatch`, programAdmin);
    expect(unmatched.body.status).toBe('ended');
    const manual = await post(`/api/v1/programs/${program.programId}/matches`, orgAdminA, {
      menteeEnrollmentId: b.enrollment.enrollmentId,
      mentorEnrollmentId: z.enrollment.enrollmentId,
      role: 'career',
    });
    expect(manual.status).toBe(201);

    expect((await historyOf('match', declinedId)).map((e) => [e.action, e.summary])).toEqual([
      [
        'match.rematched',
        {
          programId: program.programId,
          role: 'career',
          from: 'declined',
          newMatchId: rematch.body.matchId,
        },
      ],
    ]);
    expect((await historyOf('match', rematch.body.matchId)).map((e) => e.action)).toEqual([
      'match.unmatched',
    ]);
    const [created] = await historyOf('match', manual.body.matchId);
    expect(created).toMatchObject({
      action: 'match.created-manually',
      actor: { subject: 'oa-1', roles: ['org-admin'] },
      summary: {
        programId: program.programId,
        role: 'career',
        menteeEnrollmentId: b.enrollment.enrollmentId,
        mentorEnrollmentId: z.enrollment.enrollmentId,
      },
    });

    // Both accept, then the mentee ends it: a participant's own step, not recorded.
    for (const side of [b, z])
      expect(
        (await post(`/api/v1/matches/${manual.body.matchId}/accept`, await as(side))).status,
      ).toBe(200);
    expect((await post(`/api/v1/matches/${manual.body.matchId}/end`, await as(b))).status).toBe(
      200,
    );
    expect((await historyOf('match', manual.body.matchId)).map((e) => e.action)).toEqual([
      'match.created-manually',
    ]);
  });

  it('lets only org admins read the log, and no physician', async () => {
    expect((await auditOf(programAdmin, '')).status).toBe(403);
    expect((await auditOf(await as(a), '')).status).toBe(403);
    const all = await auditOf(orgAdminA, '?limit=100');
    expect(all.body.items.every((e) => e.tenantId === tenantA && e.service === 'matching')).toBe(
      true,
    );
    expect((await auditOf(orgAdminB, '')).body.items).toEqual([]);
  });
});
