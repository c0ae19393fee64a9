import {
  MILESTONES,
  RELATIONSHIP_HEALTH,
  type CadencePhase,
  type Milestone,
} from '@medmentor/contracts';
import {
  ENROLLMENT_ROLES,
  MENTORSHIP_ROLES,
  type EnrollmentRole,
  type MentorshipRole,
} from '@medmentor/domain';
import { expectedCheckIns } from './cadence-schedule';
import type { MatchRecord } from './match-record';

/** What the figures need of an enrollment. */
export interface EnrollmentFacts {
  side: EnrollmentRole;
  roles: MentorshipRole[];
  createdAt: Date;
  withdrawnAt?: Date;
}

/** `[from, to)`; `from` absent means since the beginning. */
export interface Period {
  from?: Date;
  to: Date;
}

export interface DurationSummary {
  count: number;
  averageHours: number | null;
  medianHours: number | null;
}

export interface ProgramFigures {
  enrolled: {
    total: number;
    bySide: Record<EnrollmentRole, number>;
    byRole: Record<MentorshipRole, number>;
  };
  matches: {
    proposed: number;
    activated: number;
    declined: number;
    expired: number;
    pending: number;
    matchedMentees: number;
    matchRate: number | null;
    acceptanceRate: number | null;
    declineRate: number | null;
    expiryRate: number | null;
  };
  timeToFirstMeeting: DurationSummary;
  checkIns: {
    expected: number;
    due: number;
    completed: number;
    completionRate: number | null;
    cadenceCompletionRate: number | null;
    overdueAlerts: number;
  };
  health: Record<(typeof RELATIONSHIP_HEALTH)[number] | 'unknown', number>;
  milestones: Record<Milestone, number>;
}

const HOUR_MS = 3_600_000;

const inPeriod = (at: Date | undefined, period: Period): boolean =>
  at !== undefined &&
  at.getTime() < period.to.getTime() &&
  (period.from === undefined || at.getTime() >= period.from.getTime());

const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

const roundHours = (hours: number): number => Math.round(hours * 100) / 100;

export const summarizeDurations = (hours: number[]): DurationSummary => {
  if (hours.length === 0) return { count: 0, averageHours: null, medianHours: null };
  const sorted = [...hours].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const average = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    count: sorted.length,
    averageHours: roundHours(average),
    medianHours: roundHours(median),
  };
};

/** Enrollments active at the end of the period (submitted before it ends, not withdrawn by then). */
const enrolledFigures = (
  enrollments: EnrollmentFacts[],
  period: Period,
): ProgramFigures['enrolled'] => {
  const bySide = zeroes(ENROLLMENT_ROLES);
  const byRole = zeroes(MENTORSHIP_ROLES);
  let total = 0;
  for (const enrollment of enrollments) {
    if (enrollment.createdAt.getTime() >= period.to.getTime()) continue;
    if (
      enrollment.withdrawnAt !== undefined &&
      enrollment.withdrawnAt.getTime() < period.to.getTime()
    )
      continue;
    total += 1;
    bySide[enrollment.side] += 1;
    for (const role of enrollment.roles) byRole[role] += 1;
  }
  return { total, bySide, byRole };
};

/** The time a match entered the program: its proposal, or its activation if the proposal was never heard. */
const startOf = (match: MatchRecord): Date | undefined => match.proposedAt ?? match.activatedAt;

const firstMeetingHeld = (match: MatchRecord): Date | undefined =>
  match.meetings
    .filter((meeting) => meeting.status === 'completed')
    .map((meeting) => meeting.start)
    .sort((a, b) => a.getTime() - b.getTime())[0];

const matchFigures = (
  cohort: MatchRecord[],
  enrolled: ProgramFigures['enrolled'],
): ProgramFigures['matches'] => {
  const activated = cohort.filter((match) => match.activatedAt !== undefined);
  const declined = cohort.filter((m) => m.activatedAt === undefined && m.declinedAt !== undefined);
  const expired = cohort.filter(
    (m) => m.activatedAt === undefined && m.declinedAt === undefined && m.expiredAt !== undefined,
  );
  const decided = activated.length + declined.length + expired.length;
  const matchedMentees = new Set(
    activated.map((match) => match.menteeEnrollmentId ?? match.matchId),
  ).size;
  return {
    proposed: cohort.length,
    activated: activated.length,
    declined: declined.length,
    expired: expired.length,
    pending: cohort.length - decided,
    matchedMentees,
    matchRate: ratio(matchedMentees, enrolled.bySide.mentee + enrolled.bySide.peer),
    acceptanceRate: ratio(activated.length, decided),
    declineRate: ratio(declined.length, decided),
    expiryRate: ratio(expired.length, decided),
  };
};

/** The kickoff's time if one is planned (cancelled ones aside), else the activation. */
const cadenceAnchor = (match: MatchRecord): Date | undefined =>
  match.meetings.find((meeting) => meeting.kind === 'kickoff' && meeting.status !== 'cancelled')
    ?.start ?? match.activatedAt;

/** Check-ins the cadence expects of one match in the window, up to its end. */
const expectedOf = (match: MatchRecord, cadence: CadencePhase[], window: Period): number => {
  const anchor = cadenceAnchor(match);
  if (match.activatedAt === undefined || anchor === undefined) return 0;
  const until = Math.min(window.to.getTime(), match.endedAt?.getTime() ?? Infinity);
  return expectedCheckIns(cadence, anchor, new Date(until)).filter((at) => inPeriod(at, window))
    .length;
};

const checkInFigures = (
  matches: MatchRecord[],
  cadence: CadencePhase[],
  period: Period,
  now: Date,
): ProgramFigures['checkIns'] => {
  const dueWindow: Period = {
    ...(period.from !== undefined && { from: period.from }),
    to: new Date(Math.min(period.to.getTime(), now.getTime())),
  };
  let expected = 0;
  let due = 0;
  let completed = 0;
  let overdueAlerts = 0;
  for (const match of matches) {
    expected += expectedOf(match, cadence, dueWindow);
    for (const meeting of match.meetings) {
      if (meeting.kind !== 'check-in' || meeting.status === 'cancelled') continue;
      if (!inPeriod(meeting.start, dueWindow)) continue;
      due += 1;
      if (meeting.status === 'completed') completed += 1;
    }
    overdueAlerts += match.overdueDueBy.filter((dueBy) => inPeriod(dueBy, period)).length;
  }
  return {
    expected,
    due,
    completed,
    completionRate: ratio(completed, due),
    cadenceCompletionRate: ratio(completed, expected),
    overdueAlerts,
  };
};

/** Current health of the matches active at the end of the period. */
const healthFigures = (matches: MatchRecord[], period: Period): ProgramFigures['health'] => {
  const health = { ...zeroes(RELATIONSHIP_HEALTH), unknown: 0 };
  for (const match of matches) {
    if (match.activatedAt === undefined || match.activatedAt.getTime() >= period.to.getTime())
      continue;
    if (match.endedAt !== undefined && match.endedAt.getTime() < period.to.getTime()) continue;
    health[match.health ?? 'unknown'] += 1;
  }
  return health;
};

const milestoneFigures = (matches: MatchRecord[], period: Period): Record<Milestone, number> => {
  const counts = zeroes(MILESTONES);
  for (const match of matches)
    for (const milestone of match.milestones)
      if (inPeriod(milestone.at, period)) counts[milestone.milestone] += 1;
  return counts;
};

/**
 * A program's figures for a period. Matches count in the period they were proposed in (the
 * cohort); check-ins that fell due in it (and before `now`), as scheduled and as the
 * program's cadence expects them from each kickoff; milestones and overdue alerts
 * reached in it; health is that of the matches still active at its end.
 */
export const programFigures = (input: {
  matches: MatchRecord[];
  cadence: CadencePhase[];
  enrollments: EnrollmentFacts[];
  period: Period;
  now: Date;
}): ProgramFigures => {
  const { matches, period, now } = input;
  const enrolled = enrolledFigures(input.enrollments, period);
  const cohort = matches.filter((match) => inPeriod(startOf(match), period));
  const firstMeetingHours = cohort.flatMap((match) => {
    const held = firstMeetingHeld(match);
    if (match.activatedAt === undefined || held === undefined) return [];
    return [Math.max(0, held.getTime() - match.activatedAt.getTime()) / HOUR_MS];
  });
  return {
    enrolled,
    matches: matchFigures(cohort, enrolled),
    timeToFirstMeeting: summarizeDurations(firstMeetingHours),
    checkIns: checkInFigures(matches, input.cadence, period, now),
    health: healthFigures(matches, period),
    milestones: milestoneFigures(matches, period),
  };
};
