import type {
  MatchEndReason,
  MatchSide,
  MeetingKind,
  Milestone,
  RelationshipHealth,
} from '@medmentor/contracts';
import { RELATIONSHIP_HEALTH } from '@medmentor/contracts';
import type { MentorshipRole } from '@medmentor/domain';

export type MeetingStatus = 'scheduled' | 'cancelled' | 'completed';

/** What analytics keeps of one meeting: its latest known state. */
export interface MeetingRecord {
  meetingId: string;
  kind: MeetingKind;
  start: Date;
  sequence: number;
  status: MeetingStatus;
}

export interface MilestoneRecord {
  /** `<milestone>` or `<milestone>:<count>` (check-ins completed is reached once per count). */
  key: string;
  milestone: Milestone;
  count?: number;
  at: Date;
}

/**
 * Everything analytics knows about one match, folded from matching's and scheduling's events.
 * Each field merges commutatively (earliest time, union, latest health, highest meeting
 * sequence), so events applied twice or in any order give the same record.
 */
export interface MatchRecord {
  matchId: string;
  programId: string;
  role: MentorshipRole;
  menteeEnrollmentId?: string;
  proposedAt?: Date;
  acceptedBy: MatchSide[];
  declinedAt?: Date;
  expiredAt?: Date;
  activatedAt?: Date;
  endedAt?: Date;
  endReason?: MatchEndReason;
  health?: RelationshipHealth;
  healthAt?: Date;
  milestones: MilestoneRecord[];
  /** `dueBy` of each overdue check-in alert (one per overdue period). */
  overdueDueBy: Date[];
  meetings: MeetingRecord[];
}

export interface MatchIdentity {
  matchId: string;
  programId: string;
  role: MentorshipRole;
  menteeEnrollmentId?: string;
}

/** A fact about a match that one event carries. */
export type MatchFact =
  | { kind: 'proposed'; at: Date }
  | { kind: 'accepted'; at: Date; by: MatchSide }
  | { kind: 'declined'; at: Date }
  | { kind: 'expired'; at: Date }
  | { kind: 'activated'; at: Date }
  | { kind: 'ended'; at: Date; reason: MatchEndReason }
  | { kind: 'meeting'; meeting: MeetingRecord }
  | { kind: 'health'; at: Date; health: RelationshipHealth }
  | { kind: 'milestone'; at: Date; milestone: Milestone; count?: number }
  | { kind: 'overdue'; dueBy: Date };

export const emptyMatchRecord = (identity: MatchIdentity): MatchRecord => ({
  ...identity,
  acceptedBy: [],
  milestones: [],
  overdueDueBy: [],
  meetings: [],
});

const earliest = (held: Date | undefined, incoming: Date): Date =>
  held === undefined || incoming.getTime() < held.getTime() ? incoming : held;

const STATUS_RANK: Record<MeetingStatus, number> = { scheduled: 0, cancelled: 1, completed: 2 };

/** The later state of a meeting: a higher sequence, then a further status (completed is final). */
const laterMeeting = (held: MeetingRecord, incoming: MeetingRecord): MeetingRecord => {
  if (incoming.sequence !== held.sequence)
    return incoming.sequence > held.sequence ? incoming : held;
  return STATUS_RANK[incoming.status] > STATUS_RANK[held.status] ? incoming : held;
};

const mergeMeeting = (meetings: MeetingRecord[], incoming: MeetingRecord): MeetingRecord[] => {
  const held = meetings.find((meeting) => meeting.meetingId === incoming.meetingId);
  const merged = held === undefined ? incoming : laterMeeting(held, incoming);
  return [...meetings.filter((meeting) => meeting.meetingId !== incoming.meetingId), merged].sort(
    (a, b) => a.meetingId.localeCompare(b.meetingId),
  );
};

const mergeHealth = (
  record: MatchRecord,
  at: Date,
  health: RelationshipHealth,
): Pick<MatchRecord, 'health' | 'healthAt'> => {
  const heldAt = record.healthAt?.getTime();
  const newer =
    heldAt === undefined ||
    at.getTime() > heldAt ||
    (at.getTime() === heldAt &&
      record.health !== undefined &&
      RELATIONSHIP_HEALTH.indexOf(health) > RELATIONSHIP_HEALTH.indexOf(record.health));
  return newer ? { health, healthAt: at } : { health: record.health, healthAt: record.healthAt };
};

const mergeMilestone = (
  milestones: MilestoneRecord[],
  fact: { at: Date; milestone: Milestone; count?: number },
): MilestoneRecord[] => {
  const key = fact.count === undefined ? fact.milestone : `${fact.milestone}:${fact.count}`;
  const held = milestones.find((milestone) => milestone.key === key);
  const at = earliest(held?.at, fact.at);
  const record: MilestoneRecord = {
    key,
    milestone: fact.milestone,
    ...(fact.count !== undefined && { count: fact.count }),
    at,
  };
  return [...milestones.filter((milestone) => milestone.key !== key), record].sort((a, b) =>
    a.key.localeCompare(b.key),
  );
};

const mergeDates = (dates: Date[], incoming: Date): Date[] =>
  dates.some((date) => date.getTime() === incoming.getTime())
    ? dates
    : [...dates, incoming].sort((a, b) => a.getTime() - b.getTime());

/** Folds one fact into the record; pure, idempotent and order-independent. */
export const applyMatchFact = (record: MatchRecord, fact: MatchFact): MatchRecord => {
  switch (fact.kind) {
    case 'proposed':
      return { ...record, proposedAt: earliest(record.proposedAt, fact.at) };
    case 'accepted':
      return {
        ...record,
        acceptedBy: [...new Set([...record.acceptedBy, fact.by])].sort(),
      };
    case 'declined':
      return { ...record, declinedAt: earliest(record.declinedAt, fact.at) };
    case 'expired':
      return { ...record, expiredAt: earliest(record.expiredAt, fact.at) };
    case 'activated':
      return { ...record, activatedAt: earliest(record.activatedAt, fact.at) };
    case 'ended': {
      const endedAt = earliest(record.endedAt, fact.at);
      const reason = endedAt === fact.at ? fact.reason : record.endReason;
      return { ...record, endedAt, ...(reason !== undefined && { endReason: reason }) };
    }
    case 'meeting':
      return { ...record, meetings: mergeMeeting(record.meetings, fact.meeting) };
    case 'health':
      return { ...record, ...mergeHealth(record, fact.at, fact.health) };
    case 'milestone':
      return { ...record, milestones: mergeMilestone(record.milestones, fact) };
    case 'overdue':
      return { ...record, overdueDueBy: mergeDates(record.overdueDueBy, fact.dueBy) };
  }
};

/** Whether two records hold the same facts (a redelivered event changes nothing to store). */
export const sameMatchRecord = (a: MatchRecord, b: MatchRecord): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

const canonical = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, entry]) => [key, canonical(entry)]),
    );
  }
  return value;
};
