import { randomUUID } from 'node:crypto';
import { Topics } from '@medmentor/contracts';
import { uniqueName, waitFor } from '@medmentor/testing';
import { MATCHING_FEATURES } from './features';
import { DEADLINE_MS, EventLog, fieldsOf, MatchingTestApp, EventFeed } from './matching-test-app';
import { ProgramBuilder } from './program-builder';

interface RunBody {
  runId: string;
  status: string;
  algorithm: string;
  attempts: number;
  inputHash?: string;
  outputHash?: string;
  verification?: { verified: boolean; method: string };
  summary?: { matched: number; unmatched: number; stats?: { matched: number } };
  reproducesRunId?: string;
  parameters: Record<string, unknown>;
  failure?: string;
  timings: Record<string, unknown>;
}

interface MatchPage {
  items: {
    menteeEnrollmentId: string;
    mentorEnrollmentId: string;
    score: number;
    factors?: { factor: string; contribution: number }[];
    menteeRank?: number;
  }[];
  nextCursor: string | null;
}

describe('match runs on Kafka and FerretDB', () => {
  let app: MatchingTestApp;
  let feed: EventFeed;
  let log: EventLog;
  const tenant = uniqueName('tenant');
  let admin: string;

  beforeAll(async () => {
    app = await MatchingTestApp.start(MATCHING_FEATURES, {
      MATCH_RUN_POLL_INTERVAL_MS: '100',
      MATCH_RUN_LEASE_MS: '2000',
    });
    feed = await EventFeed.start();
    log = await EventLog.start([Topics.MatchingRun]);
    admin = await app.token(tenant, ['program-admin']);
  });

  afterAll(async () => {
    await log?.stop();
    await feed?.stop();
    await app?.close();
  });

  const finished = (runId: string, token = admin) =>
    waitFor(
      async () => {
        const res = await app.call<RunBody>('GET', `/api/v1/match-runs/${runId}`, { token });
        return res.body.status === 'completed' || res.body.status === 'failed'
          ? res.body
          : undefined;
      },
      { description: `run ${runId} to finish`, timeoutMs: DEADLINE_MS },
    );

  it('runs a cohort program as an exact assignment, verified, explained, reported and reproducible', async () => {
    const program = await ProgramBuilder.publish(app, feed, tenant);
    const peds = await program.enrol('mentee', { specialty: 'pediatrics' });
    const im = await program.enrol('mentee', { specialty: 'internal-medicine' });
    const pedsMentor = await program.enrol('mentor', { specialty: 'pediatrics' });
    const imMentor = await program.enrol('mentor', { specialty: 'internal-medicine' });
    await program.settled();

    const started = await app.call<RunBody>(
      'POST',
      `/api/v1/programs/${program.programId}/match-runs`,
      {
        token: admin,
        body: {},
      },
    );
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', algorithm: 'assignment' });
    const run = await finished(started.body.runId);
    expect(run).toMatchObject({
      status: 'completed',
      attempts: 1,
      verification: { verified: true, method: 'optimality' },
      summary: { matched: 2, unmatched: 0 },
      inputHash: expect.stringMatching(/^sha256:/),
    });
    expect(run.timings).toMatchObject({ totalMs: expect.any(Number), solveMs: expect.any(Number) });

    const page = await app.call<MatchPage>('GET', `/api/v1/match-runs/${run.runId}/matches`, {
      token: admin,
    });
    const pairs = Object.fromEntries(
      page.body.items.map((m) => [m.menteeEnrollmentId, m.mentorEnrollmentId]),
    );
    expect(pairs).toEqual({
      [peds.enrollment.enrollmentId]: pedsMentor.enrollment.enrollmentId,
      [im.enrollment.enrollmentId]: imMentor.enrollment.enrollmentId,
    });
    for (const match of page.body.items) {
      expect(match.factors?.reduce((sum, f) => sum + f.contribution, 0)).toBe(match.score);
    }

    const events = await log.waitFor(Topics.MatchingRun, run.runId, 6);
    expect(events.map((e) => e.type)).toEqual([
      'medmentor.matching.run.started',
      'medmentor.matching.run.progress',
      'medmentor.matching.run.progress',
      'medmentor.matching.run.progress',
      'medmentor.matching.run.progress',
      'medmentor.matching.run.completed',
    ]);
    expect(events[5].data).toMatchObject({ status: 'completed', matched: 2, verified: true });

    // Same snapshot, same parameters: the same result, and the record says so.
    const again = await app.call<RunBody>(
      'POST',
      `/api/v1/programs/${program.programId}/match-runs`,
      {
        token: admin,
        body: {},
      },
    );
    const second = await finished(again.body.runId);
    expect(second).toMatchObject({
      inputHash: run.inputHash,
      outputHash: run.outputHash,
      reproducesRunId: run.runId,
    });

    const metrics = await app.call<string>('GET', '/metrics').catch(() => undefined);
    const text = await app.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/metrics' });
    expect(metrics === undefined || text.statusCode === 200).toBe(true);
    expect(text.body).toMatch(
      /medmentor_match_run_duration_seconds_count\{algorithm="assignment"\} [1-9]/,
    );
  });

  it('runs a national program by deferred acceptance on frozen rank lists and proves it stable', async () => {
    const program = await ProgramBuilder.publish(app, feed, tenant, {
      kind: 'national',
      matchingMode: 'national-ranked',
    });
    const a = await program.enrol('mentee');
    const b = await program.enrol('mentee');
    const x = await program.enrol('mentor');
    const y = await program.enrol('mentor');
    await program.freeze(a, [x, y]);
    await program.freeze(b, [x]);
    await program.freeze(x, [b, a]);
    await program.freeze(y, [a]);
    await program.settled();

    const started = await app.call<RunBody>(
      'POST',
      `/api/v1/programs/${program.programId}/match-runs`,
      {
        token: admin,
        body: { proposer: 'mentees' },
      },
    );
    const run = await finished(started.body.runId);
    expect(run).toMatchObject({
      algorithm: 'deferred-acceptance',
      parameters: { proposer: 'mentees' },
      verification: { verified: true, method: 'stability' },
      summary: { matched: 2, stats: { matched: 2 } },
    });
    const page = await app.call<MatchPage>('GET', `/api/v1/match-runs/${run.runId}/matches`, {
      token: admin,
    });
    const byMentee = Object.fromEntries(page.body.items.map((m) => [m.menteeEnrollmentId, m]));
    expect(byMentee[a.enrollment.enrollmentId]).toMatchObject({
      mentorEnrollmentId: y.enrollment.enrollmentId,
      menteeRank: 2,
    });
    expect(byMentee[b.enrollment.enrollmentId]).toMatchObject({
      mentorEnrollmentId: x.enrollment.enrollmentId,
    });
  });

  it('resumes a run whose replica died, and fails one abandoned too often', async () => {
    const program = await ProgramBuilder.publish(app, feed, tenant);
    await program.enrol('mentee');
    await program.enrol('mentor');
    await program.settled();
    const runs = app.connection.collection('match_runs');
    const base = {
      tenantId: tenant,
      programId: program.programId,
      status: 'running',
      algorithm: 'assignment',
      algorithmVersion: 'medmentor-matching-engine/1',
      parameters: { maximizeMatches: false, seed: 0 },
      seed: 0,
      requestedBy: 'it',
      lockedBy: 'a-replica-that-died',
      leaseUntil: new Date(Date.now() - 1000),
      timings: { queuedAt: new Date() },
      createdAt: new Date(),
    };
    const resumed = randomUUID();
    const abandoned = randomUUID();
    await runs.insertMany([
      { ...base, _id: resumed as never, attempts: 1 },
      { ...base, _id: abandoned as never, attempts: 3 },
    ]);
    expect(await finished(resumed)).toMatchObject({
      status: 'completed',
      attempts: 2,
      summary: { matched: 1 },
    });
    expect(await finished(abandoned)).toMatchObject({
      status: 'failed',
      failure: expect.stringMatching(/abandoned/),
    });
  });

  it('answers client mistakes with problem+json naming the field, and changes nothing', async () => {
    const program = await ProgramBuilder.publish(app, feed, tenant);
    await program.settled();
    const url = `/api/v1/programs/${program.programId}/match-runs`;
    const bad = await app.call('POST', url, { token: admin, body: { seed: -1, extra: 1 } });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['seed']));
    const wrongMode = await app.call('POST', url, { token: admin, body: { proposer: 'mentors' } });
    expect(wrongMode.status).toBe(422);
    expect(fieldsOf(wrongMode.body)).toEqual(['proposer']);
    expect(
      (
        await app.call('POST', `/api/v1/programs/${randomUUID()}/match-runs`, {
          token: admin,
          body: {},
        })
      ).status,
    ).toBe(404);
    expect((await app.call('GET', '/api/v1/match-runs/not-a-uuid', { token: admin })).status).toBe(
      400,
    );
    const mentee = await app.token(tenant, ['mentee'], { physicianId: randomUUID() });
    expect((await app.call('POST', url, { token: mentee, body: {} })).status).toBe(403);
    const list = await app.call<{ items: unknown[] }>('GET', url, { token: admin });
    expect(list.body.items).toEqual([]);
  });

  it('hides one tenant’s runs from another', async () => {
    const program = await ProgramBuilder.publish(app, feed, tenant);
    await program.enrol('mentee');
    await program.settled();
    const started = await app.call<RunBody>(
      'POST',
      `/api/v1/programs/${program.programId}/match-runs`,
      {
        token: admin,
        body: {},
      },
    );
    await finished(started.body.runId);
    const other = await app.token(uniqueName('tenant'), ['org-admin']);
    expect(
      (await app.call('GET', `/api/v1/match-runs/${started.body.runId}`, { token: other })).status,
    ).toBe(404);
    expect(
      (await app.call('GET', `/api/v1/match-runs/${started.body.runId}/matches`, { token: other }))
        .status,
    ).toBe(404);
    const list = await app.call<{ items: unknown[] }>(
      'GET',
      `/api/v1/programs/${program.programId}/match-runs`,
      {
        token: other,
      },
    );
    expect(list.body.items).toEqual([]);
    expect(
      (
        await app.call('POST', `/api/v1/programs/${program.programId}/match-runs`, {
          token: other,
          body: {},
        })
      ).status,
    ).toBe(404);
  });
});
