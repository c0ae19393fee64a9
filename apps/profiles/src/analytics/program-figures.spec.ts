import { applyMatchFact, emptyMatchRecord, type MatchFact, type MatchRecord } from './match-record';
import { programFigures, summarizeDurations, type EnrollmentFacts } from './program-figures';

const at = (iso: string): Date => new Date(iso);

const match = (id: string, facts: MatchFact[], mentee = `e-${id}`): MatchRecord =>
  facts.reduce(
    applyMatchFact,
    emptyMatchRecord({ matchId: id, programId: 'p', role: 'career', menteeEnrollmentId: mentee }),
  );

const checkIn = (
  id: string,
  start: string,
  status: 'scheduled' | 'cancelled' | 'completed',
): MatchFact => ({
  kind: 'meeting',
  meeting: { meetingId: id, kind: 'check-in', start: at(start), sequence: 0, status },
});

const enrollment = (
  side: EnrollmentFacts['side'],
  createdAt: string,
  withdrawnAt?: string,
): EnrollmentFacts => ({
  side,
  roles: side === 'peer' ? ['peer'] : ['career', 'clinical'],
  createdAt: at(createdAt),
  ...(withdrawnAt !== undefined && { withdrawnAt: at(withdrawnAt) }),
});

const enrollments = [
  enrollment('mentee', '2026-01-01T00:00:00Z'),
  enrollment('mentee', '2026-01-01T00:00:00Z'),
  enrollment('mentee', '2026-01-01T00:00:00Z'),
  enrollment('mentee', '2026-01-01T00:00:00Z', '2026-01-20T00:00:00Z'),
  enrollment('mentor', '2026-01-01T00:00:00Z'),
  enrollment('mentor', '2026-03-01T00:00:00Z'),
];

const matches = [
  match('a', [
    { kind: 'proposed', at: at('2026-02-01T00:00:00Z') },
    { kind: 'activated', at: at('2026-02-02T00:00:00Z') },
    {
      kind: 'meeting',
      meeting: {
        meetingId: 'ka',
        kind: 'kickoff',
        start: at('2026-02-03T00:00:00Z'),
        sequence: 0,
        status: 'completed',
      },
    },
    checkIn('a1', '2026-02-10T00:00:00Z', 'completed'),
    checkIn('a2', '2026-02-17T00:00:00Z', 'scheduled'),
    checkIn('a3', '2026-02-24T00:00:00Z', 'cancelled'),
    checkIn('a4', '2026-03-10T00:00:00Z', 'scheduled'),
    { kind: 'health', at: at('2026-02-20T00:00:00Z'), health: 'needs-check-in' },
    { kind: 'milestone', at: at('2026-02-03T01:00:00Z'), milestone: 'first-meeting-held' },
    { kind: 'overdue', dueBy: at('2026-02-20T00:00:00Z') },
  ]),
  match('b', [
    { kind: 'proposed', at: at('2026-02-01T00:00:00Z') },
    { kind: 'activated', at: at('2026-02-02T00:00:00Z') },
    {
      kind: 'meeting',
      meeting: {
        meetingId: 'kb',
        kind: 'kickoff',
        start: at('2026-02-06T00:00:00Z'),
        sequence: 0,
        status: 'completed',
      },
    },
  ]),
  match('c', [
    { kind: 'proposed', at: at('2026-02-01T00:00:00Z') },
    { kind: 'declined', at: at('2026-02-02T00:00:00Z') },
  ]),
  match('d', [
    { kind: 'proposed', at: at('2026-02-01T00:00:00Z') },
    { kind: 'expired', at: at('2026-02-08T00:00:00Z') },
  ]),
  match('e', [{ kind: 'proposed', at: at('2026-02-01T00:00:00Z') }]),
  match('old', [
    { kind: 'proposed', at: at('2025-12-01T00:00:00Z') },
    { kind: 'activated', at: at('2025-12-02T00:00:00Z') },
    { kind: 'ended', at: at('2026-01-15T00:00:00Z'), reason: 'withdrawn' },
  ]),
];

/** A check-in every week from the kickoff. */
const cadence = [{ every: 'week' as const }];

describe('programFigures', () => {
  const period = { from: at('2026-01-01T00:00:00Z'), to: at('2026-03-01T00:00:00Z') };
  const figures = programFigures({
    matches,
    enrollments,
    cadence,
    period,
    now: at('2026-06-01T00:00:00Z'),
  });

  it('counts enrollments active at the end of the period by side and role', () => {
    expect(figures.enrolled).toEqual({
      total: 4,
      bySide: { mentee: 3, mentor: 1, peer: 0 },
      byRole: { clinical: 4, career: 4, wellness: 0, peer: 0 },
    });
  });

  it('counts outcomes of the matches proposed in the period, with rates over the decided ones', () => {
    expect(figures.matches).toEqual({
      proposed: 5,
      activated: 2,
      declined: 1,
      expired: 1,
      pending: 1,
      matchedMentees: 2,
      matchRate: 0.6667,
      acceptanceRate: 0.5,
      declineRate: 0.25,
      expiryRate: 0.25,
    });
  });

  it('measures activation to first meeting held', () => {
    expect(figures.timeToFirstMeeting).toEqual({ count: 2, averageHours: 60, medianHours: 60 });
  });

  it('compares held check-ins with those due in the period, leaving cancelled ones out', () => {
    // Expected weekly: three after each kickoff of a and b, two in January before `old` ended.
    expect(figures.checkIns).toEqual({
      expected: 8,
      due: 2,
      completed: 1,
      completionRate: 0.5,
      cadenceCompletionRate: 0.125,
      overdueAlerts: 1,
    });
  });

  it('counts only check-ins already due when the period reaches past now', () => {
    const now = at('2026-02-15T00:00:00Z');
    const early = programFigures({ matches, enrollments, cadence, period, now });
    expect(early.checkIns).toMatchObject({ due: 1, completed: 1, completionRate: 1 });
  });

  it('gives the health of matches active at the end of the period', () => {
    expect(figures.health).toEqual({ 'on-track': 0, 'needs-check-in': 1, inactive: 0, unknown: 1 });
  });

  it('counts milestones reached in the period', () => {
    expect(figures.milestones).toMatchObject({ 'first-meeting-held': 1, 'six-months-active': 0 });
  });

  it('answers null rates, not NaN, when there is nothing to divide', () => {
    const empty = programFigures({
      matches: [],
      enrollments: [],
      cadence,
      period,
      now: period.to,
    });
    expect(empty.matches).toMatchObject({
      matchRate: null,
      acceptanceRate: null,
      declineRate: null,
    });
    expect(empty.checkIns.completionRate).toBeNull();
    expect(empty.timeToFirstMeeting).toEqual({ count: 0, averageHours: null, medianHours: null });
  });
});

describe('summarizeDurations', () => {
  it('gives the average and the median of an even and an odd count', () => {
    expect(summarizeDurations([1, 2, 3, 10])).toEqual({
      count: 4,
      averageHours: 4,
      medianHours: 2.5,
    });
    expect(summarizeDurations([5, 1, 3])).toEqual({ count: 3, averageHours: 3, medianHours: 3 });
  });
});
