import { z } from 'zod';
import { mentorshipRoleSchema } from '@medmentor/domain';

const id = z.string().min(1).max(128);
const dateTime = z.iso.datetime({ offset: true });

export const MEETING_KINDS = ['kickoff', 'check-in'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * What every meeting event carries: the meeting, its match and both physicians, when it is
 * (UTC instants; each side's zone to show it on their clock) and its link, so notifications
 * need nothing else. Key: the meeting id.
 */
export const meetingFactsSchema = z.object({
  meetingId: id,
  tenantId: id,
  matchId: id,
  programId: id,
  role: mentorshipRoleSchema,
  kind: z.enum(MEETING_KINDS),
  /** The check-in series the meeting belongs to, and its 0-based position in it. */
  seriesId: id.optional(),
  occurrence: z.number().int().min(0).optional(),
  menteeId: id,
  mentorId: id,
  start: dateTime,
  end: dateTime,
  menteeTimeZone: z.string().min(1).max(64),
  mentorTimeZone: z.string().min(1).max(64),
  videoUrl: z.url().optional(),
  /** Grows with every change of the meeting (the iCalendar SEQUENCE). */
  sequence: z.number().int().min(0),
});

export type MeetingFacts = z.infer<typeof meetingFactsSchema>;

/** A meeting was put in both calendars (a kickoff, or one check-in of a series). */
export const schedulingMeetingScheduledSchema = meetingFactsSchema;

/** A meeting moved; `scope` says whether the rest of its series moved with it. */
export const schedulingMeetingRescheduledSchema = meetingFactsSchema.extend({
  previousStart: dateTime,
  previousEnd: dateTime,
  scope: z.enum(['occurrence', 'following']),
  byPhysicianId: id.optional(),
});

export const MEETING_CANCEL_REASONS = [
  'cancelled',
  'match-ended',
  'program-closed',
  'physician-erased',
] as const;
export type MeetingCancelReason = (typeof MEETING_CANCEL_REASONS)[number];

/** A meeting will not take place. */
export const schedulingMeetingCancelledSchema = meetingFactsSchema.extend({
  reason: z.enum(MEETING_CANCEL_REASONS),
  byPhysicianId: id.optional(),
});

/** A meeting took place (marked by a participant or an administrator). */
export const schedulingMeetingCompletedSchema = meetingFactsSchema.extend({
  completedAt: dateTime,
  byPhysicianId: id.optional(),
});

/** A reminder is due `offsetMinutes` before the meeting (the program's reminder offsets). */
export const schedulingReminderDueSchema = meetingFactsSchema.extend({
  offsetMinutes: z.number().int().min(1),
  dueAt: dateTime,
});

export type SchedulingMeetingScheduled = z.infer<typeof schedulingMeetingScheduledSchema>;
export type SchedulingMeetingRescheduled = z.infer<typeof schedulingMeetingRescheduledSchema>;
export type SchedulingMeetingCancelled = z.infer<typeof schedulingMeetingCancelledSchema>;
export type SchedulingMeetingCompleted = z.infer<typeof schedulingMeetingCompletedSchema>;
export type SchedulingReminderDue = z.infer<typeof schedulingReminderDueSchema>;
