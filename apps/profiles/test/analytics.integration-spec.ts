import { randomUUID } from 'node:crypto';
import {
  deadLetterTopicOf,
  Topics,
  type EventEnvelope,
  type MatchFacts,
  type MeetingFacts,
} from '@medmentor/contracts';
import { EventFeed, KafkaReader, uniqueName, waitFor } from '@medmentor/testing';
import { AnalyticsModule } from '../src/analytics/analytics.module';
import type { ProgramAnalyticsView } from '../src/analytics/dto/program-analytics-view.dto';
import { EnrollmentsModule } from '../src/enrollments/enrollments.module';
import { PhysiciansModule } from '../src/physicians/physicians.module';
import { ProgramsModule } from '../src/programs/programs.module';
import { TenantsModule } from '../src/tenants/tenants.module';
import {
  attending,
  cohortProgram,
  publishProgram,
  registerPhysician,
  registerTenant,
  resident,
} from './enrollment-fixtures';
import { fieldsOf, ProfilesTestApp } from './profiles-test-app';

const HOUR = 3_600_000;

/** Whether `actual` holds every field of `expected` (what the figures converge to). */
const matches = (actual: unknown, expected: unknown): boolean => {
  try {
    expect(actual).toMatchObject(expected as Record<string, unknown>);
    return true;
  } catch {
    return false;
  }
};
const DAY = 24 * HOUR;
// Polls end as soon as the figures are right (well under a second on a quiet machine); the
// deadline allows for a shared 2-core machine running other suites, where one CI run needed
// more than 30 s for the consumer to fold about twenty events across two topics.
const DEADLINE_MS = 90_000;

describe('program analytics (real Kafka and MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  let feed: EventFeed;
  let dead: KafkaReader;
  let tenantA: string;
  let tenantB: string;
  let adminA: string;
  let programId: string;
  const now = Date.now();
  const ago = (ms: number): string => new Date(now - ms).toISOString();

  const analyticsOf = (id: string) => `/api/v1/programs/${id}/analytics`;
  const figures = async (query = ''): Promise<ProgramAnalyticsView> => {
    const reply = await it$.call<ProgramAnalyticsView>('GET', `${analyticsOf(programId)}${query}`, {
      token: adminA,
    });
    if (reply.status !== 200)
      throw new Error(`analytics: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const processed = (eventId: string): Promise<boolean> =>
    it$.connection
      .collection('processed_events')
      .countDocuments({ eventId })
      .then((count) => count > 0);

  const matchFacts = (matchId: string, mentee: string, at: string): MatchFacts => ({
    matchId,
    tenantId: tenantA,
    programId,
    role: 'career',
    menteeId: `ph-${mentee}`,
    mentorId: 'ph-mentor',
    menteeEnrollmentId: mentee,
    mentorEnrollmentId: 'en-mentor',
    origin: 'run',
    version: 1,
    at,
  });
  const meetingFacts = (
    matchId: string,
    meetingId: string,
    kind: MeetingFacts['kind'],
    start: string,
    sequence = 0,
  ): MeetingFacts => ({
    meetingId,
    tenantId: tenantA,
    matchId,
    programId,
    role: 'career',
    kind,
    menteeId: 'ph-mentee',
    mentorId: 'ph-mentor',
    start,
    end: new Date(new Date(start).getTime() + HOUR).toISOString(),
    menteeTimeZone: 'America/Chicago',
    mentorTimeZone: 'America/New_York',
    sequence,
  });
  const relationship = (matchId: string, at: string) => ({
    matchId,
    tenantId: tenantA,
    programId,
    role: 'career' as const,
    menteeId: 'ph-mentee',
    mentorId: 'ph-mentor',
    at,
  });

  beforeAll(async () => {
    it$ = await ProfilesTestApp.start([
      TenantsModule,
      ProgramsModule,
      PhysiciansModule,
      EnrollmentsModule,
      AnalyticsModule,
    ]);
    feed = await EventFeed.start();
    dead = await new KafkaReader().start([
      deadLetterTopicOf(Topics.MatchingMatch),
      deadLetterTopicOf(Topics.SchedulingRelationship),
    ]);
    tenantA = await registerTenant(it$);
    tenantB = await registerTenant(it$);
    adminA = await it$.token(tenantA, ['program-admin']);
    // A check-in every week after the kickoff.
    programId = (await publishProgram(it$, adminA, cohortProgram({ cadence: [{ every: 'week' }] })))
      .id;
    const enroll = async (body: Record<string, unknown>, side: 'mentee' | 'mentor') => {
      const physicianId = await registerPhysician(it$, adminA, body);
      const reply = await it$.call('POST', '/api/v1/enrollments', {
        token: adminA,
        body: { programId, physicianId, side, roles: [side === 'mentor' ? 'clinical' : 'career'] },
      });
      if (reply.status !== 201)
        throw new Error(`enroll: ${reply.status} ${JSON.stringify(reply.body)}`);
    };
    await enroll(resident(), 'mentee');
    await enroll(resident(), 'mentee');
    await enroll(attending(), 'mentor');
  }, 60_000);

  afterAll(async () => {
    await dead?.stop();
    await feed?.stop();
    await it$?.close();
  });

  it('counts enrollments by side and role before any match event', async () => {
    const view = await figures();
    expect(view.enrolled).toEqual({
      total: 3,
      bySide: { mentee: 2, mentor: 1, peer: 0 },
      byRole: { clinical: 1, career: 2, wellness: 0, peer: 0 },
    });
    expect(view.matches).toMatchObject({ proposed: 0, matchRate: 0, acceptanceRate: null });
  });

  describe('from matching and scheduling events', () => {
    const active = randomUUID();
    const declined = randomUUID();
    const expired = randomUUID();
    const kickoff = randomUUID();
    const held = randomUUID();
    const missed = randomUUID();
    let activatedEnvelope: EventEnvelope;
    // Events the suite also delivers again.
    const acceptedBy = (by: 'mentee' | 'mentor') =>
      feed.send(
        'medmentor.matching.match.accepted',
        { ...matchFacts(active, 'en-1', ago(20 * DAY)), by },
        tenantA,
      );
    const checkInHeld = () =>
      feed.send(
        'medmentor.scheduling.meeting.completed',
        { ...meetingFacts(active, held, 'check-in', ago(10 * DAY)), completedAt: ago(10 * DAY) },
        tenantA,
      );
    const overdue = () =>
      feed.send(
        'medmentor.scheduling.check-in.overdue',
        { ...relationship(active, ago(DAY)), dueBy: ago(DAY) },
        tenantA,
      );

    const expected = {
      matches: {
        proposed: 3,
        activated: 1,
        declined: 1,
        expired: 1,
        pending: 0,
        matchedMentees: 1,
        matchRate: 0.5,
        acceptanceRate: 0.3333,
        declineRate: 0.3333,
        expiryRate: 0.3333,
      },
      timeToFirstMeeting: { count: 1, averageHours: 48, medianHours: 48 },
      // Expected by the weekly cadence: 11 and 4 days ago, one and two weeks after the kickoff.
      checkIns: {
        expected: 2,
        due: 2,
        completed: 1,
        completionRate: 0.5,
        cadenceCompletionRate: 0.5,
        overdueAlerts: 1,
      },
      health: { 'on-track': 0, 'needs-check-in': 1, inactive: 0, unknown: 0 },
    };

    beforeAll(async () => {
      // Scheduling's events first: they travel on other topics and may overtake matching's.
      await feed.send(
        'medmentor.scheduling.meeting.completed',
        {
          ...meetingFacts(active, kickoff, 'kickoff', ago(18 * DAY), 1),
          completedAt: ago(18 * DAY - HOUR),
        },
        tenantA,
      );
      await feed.send(
        'medmentor.scheduling.meeting.scheduled',
        meetingFacts(active, kickoff, 'kickoff', ago(19 * DAY)),
        tenantA,
      );
      await feed.send(
        'medmentor.scheduling.meeting.scheduled',
        meetingFacts(active, held, 'check-in', ago(10 * DAY)),
        tenantA,
      );
      await checkInHeld();
      await feed.send(
        'medmentor.scheduling.meeting.scheduled',
        meetingFacts(active, missed, 'check-in', ago(3 * DAY)),
        tenantA,
      );
      await feed.send(
        'medmentor.scheduling.milestone.reached',
        { ...relationship(active, ago(18 * DAY)), milestone: 'first-meeting-held' },
        tenantA,
      );
      await overdue();
      await feed.send(
        'medmentor.scheduling.relationship.health-changed',
        { ...relationship(active, ago(DAY)), health: 'needs-check-in', previous: 'on-track' },
        tenantA,
      );
      await feed.send(
        'medmentor.matching.match.proposed',
        { ...matchFacts(active, 'en-1', ago(25 * DAY)), responseDeadline: ago(15 * DAY) },
        tenantA,
      );
      await acceptedBy('mentee');
      await acceptedBy('mentor');
      activatedEnvelope = await feed.send(
        'medmentor.matching.match.activated',
        matchFacts(active, 'en-1', ago(20 * DAY)),
        tenantA,
      );
      await feed.send(
        'medmentor.matching.match.proposed',
        { ...matchFacts(declined, 'en-2', ago(25 * DAY)), responseDeadline: ago(15 * DAY) },
        tenantA,
      );
      await feed.send(
        'medmentor.matching.match.declined',
        { ...matchFacts(declined, 'en-2', ago(24 * DAY)), by: 'mentor' },
        tenantA,
      );
      await feed.send(
        'medmentor.matching.match.proposed',
        { ...matchFacts(expired, 'en-2', ago(12 * DAY)), responseDeadline: ago(5 * DAY) },
        tenantA,
      );
      await feed.send(
        'medmentor.matching.match.expired',
        { ...matchFacts(expired, 'en-2', ago(5 * DAY)), responseDeadline: ago(5 * DAY) },
        tenantA,
      );
    });

    it('computes the figures whatever order the topics deliver in', async () => {
      const view = await waitFor(
        async () => {
          const current = await figures();
          return matches(current, expected) ? current : undefined;
        },
        { timeoutMs: DEADLINE_MS, description: 'the analytics of three matches' },
      );
      expect(view).toMatchObject(expected);
      expect(view.milestones).toMatchObject({ 'first-meeting-held': 1, 'six-months-active': 0 });
      expect(view.period.from).toBeNull();
    });

    it('changes nothing when events are delivered again, with their id or a new one', async () => {
      await feed.sendRaw(Topics.MatchingMatch, active, JSON.stringify(activatedEnvelope));
      const again = [await acceptedBy('mentee'), await checkInHeld(), await overdue()];
      await waitFor(
        async () => (await Promise.all(again.map((e) => processed(e.id)))).every(Boolean),
        {
          timeoutMs: DEADLINE_MS,
          description: 'the repeated events to be processed',
        },
      );
      const view = await figures();
      expect(view).toMatchObject(expected);
      const stored = await it$.connection
        .collection('analytics_matches')
        .find({ tenantId: tenantA })
        .toArray();
      expect(stored).toHaveLength(3);
    });

    it('filters by period: matches by their proposal, check-ins by when they fell due', async () => {
      const recent = await figures(`?from=${encodeURIComponent(ago(15 * DAY))}`);
      expect(recent.matches).toMatchObject({ proposed: 1, expired: 1, activated: 0, matchRate: 0 });
      expect(recent.checkIns).toMatchObject({ expected: 2, due: 2, completed: 1 });
      expect(recent.milestones['first-meeting-held']).toBe(0);
      const before = await figures(
        `?from=${encodeURIComponent(ago(30 * DAY))}&to=${encodeURIComponent(ago(22 * DAY))}`,
      );
      // The cohort of the period with its outcome as known now; health as at the period's end.
      expect(before.matches).toMatchObject({ proposed: 2, activated: 1, declined: 1, pending: 0 });
      expect(before.checkIns).toMatchObject({ expected: 0, due: 0, completed: 0 });
      expect(before.health).toEqual({
        'on-track': 0,
        'needs-check-in': 0,
        inactive: 0,
        unknown: 0,
      });
      expect(before.period).toEqual({ from: ago(30 * DAY), to: ago(22 * DAY) });
    });

    it('dead-letters a payload of another tenant and an undecodable message, and applies neither', async () => {
      const foreign = randomUUID();
      await feed.send(
        'medmentor.matching.match.proposed',
        {
          ...matchFacts(foreign, 'en-1', ago(DAY)),
          tenantId: tenantB,
          responseDeadline: ago(0),
        },
        tenantA,
      );
      const poison = uniqueName('poison');
      await feed.sendRaw(Topics.SchedulingRelationship, poison, '{"not": "an event"');
      const letters = await waitFor(
        () => {
          const wrongTenant = dead
            .on(deadLetterTopicOf(Topics.MatchingMatch))
            .find((message) => message.key === foreign);
          const garbage = dead
            .on(deadLetterTopicOf(Topics.SchedulingRelationship))
            .find((message) => message.key === poison);
          return wrongTenant && garbage ? { wrongTenant, garbage } : undefined;
        },
        { timeoutMs: DEADLINE_MS, description: 'two dead letters' },
      );
      expect(letters.wrongTenant.headers['dlq-reason']).toMatch(/tenant/);
      expect(letters.garbage.headers['dlq-reason']).toMatch(/json/i);
      expect(
        await it$.connection.collection('analytics_matches').countDocuments({ matchId: foreign }),
      ).toBe(0);
      expect((await figures()).matches.proposed).toBe(3);
    });
  });

  describe('access and input', () => {
    it('is 404 for another tenant and 403 for a mentee', async () => {
      const other = await it$.call('GET', analyticsOf(programId), {
        token: await it$.token(tenantB, ['org-admin']),
      });
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('program-not-found');
      const mentee = await it$.call('GET', analyticsOf(programId), {
        token: await it$.token(tenantA, ['mentee']),
      });
      expect(mentee.status).toBe(403);
    });

    it('answers problem+json naming each bad query parameter', async () => {
      const bad = await it$.call('GET', `${analyticsOf(programId)}?from=yesterday&colour=red`, {
        token: adminA,
      });
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fieldsOf(bad.body).sort()).toEqual(['colour', 'from']);
      const reversed = await it$.call(
        'GET',
        `${analyticsOf(programId)}?from=${encodeURIComponent(ago(0))}&to=${encodeURIComponent(ago(DAY))}`,
        { token: adminA },
      );
      expect(reversed.status).toBe(400);
      expect(fieldsOf(reversed.body)).toEqual(['to']);
      const notAnId = await it$.call('GET', analyticsOf('not-a-uuid'), { token: adminA });
      expect(notAnId.status).toBe(400);
      expect(fieldsOf(notAnId.body)).toEqual(['programId']);
    });
  });
});
