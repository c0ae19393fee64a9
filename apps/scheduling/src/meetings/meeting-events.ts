import {
  createEvent,
  type EventPayload,
  type MeetingFacts,
  type OutgoingEvent,
} from '@medmentor/contracts';
import { getCorrelationId } from '@medmentor/platform';
import type { MentorshipRole } from '@medmentor/domain';
import type { Match } from './schemas/match.schema';
import type { Meeting } from './schemas/meeting.schema';

type MeetingEventType =
  | 'medmentor.scheduling.meeting.scheduled'
  | 'medmentor.scheduling.meeting.rescheduled'
  | 'medmentor.scheduling.meeting.cancelled'
  | 'medmentor.scheduling.meeting.completed'
  | 'medmentor.scheduling.reminder.due';

type RelationshipEventType =
  | 'medmentor.scheduling.slot.not-found'
  | 'medmentor.scheduling.check-in.overdue'
  | 'medmentor.scheduling.milestone.reached'
  | 'medmentor.scheduling.relationship.health-changed';

export interface EventCause {
  /** The event that led here, if any. */
  causationId?: string;
  correlationId?: string;
}

const meta = (tenantId: string, cause: EventCause) => ({
  tenantId,
  source: 'scheduling',
  correlationId: cause.correlationId ?? getCorrelationId(),
  ...(cause.causationId && { causationId: cause.causationId }),
});

export const meetingFacts = (m: Meeting): MeetingFacts => ({
  meetingId: m._id,
  tenantId: m.tenantId,
  matchId: m.matchId,
  programId: m.programId,
  role: m.role as MentorshipRole,
  kind: m.kind,
  ...(m.seriesId !== undefined && { seriesId: m.seriesId }),
  ...(m.occurrence !== undefined && { occurrence: m.occurrence }),
  menteeId: m.menteeId,
  mentorId: m.mentorId,
  start: m.start.toISOString(),
  end: m.end.toISOString(),
  menteeTimeZone: m.menteeTimeZone,
  mentorTimeZone: m.mentorTimeZone,
  videoUrl: m.videoUrl,
  sequence: m.sequence,
});

export const meetingEvent = <T extends MeetingEventType>(
  type: T,
  meeting: Meeting,
  extra: Omit<EventPayload<T>, keyof MeetingFacts>,
  cause: EventCause = {},
): OutgoingEvent =>
  createEvent(
    type,
    { ...meetingFacts(meeting), ...extra } as EventPayload<T>,
    meta(meeting.tenantId, cause),
  );

export const relationshipEvent = <T extends RelationshipEventType>(
  type: T,
  match: Pick<Match, '_id' | 'tenantId' | 'programId' | 'role' | 'menteeId' | 'mentorId'>,
  at: Date,
  extra: Omit<
    EventPayload<T>,
    'matchId' | 'tenantId' | 'programId' | 'role' | 'menteeId' | 'mentorId' | 'at'
  >,
  cause: EventCause = {},
): OutgoingEvent =>
  createEvent(
    type,
    {
      matchId: match._id,
      tenantId: match.tenantId,
      programId: match.programId,
      role: match.role as MentorshipRole,
      menteeId: match.menteeId,
      mentorId: match.mentorId,
      at: at.toISOString(),
      ...extra,
    } as EventPayload<T>,
    meta(match.tenantId, cause),
  );
