import type { EventPayload, MeetingFacts } from '@medmentor/contracts';
import type { PlannedMessage } from '../delivery/planned-message';
import { invitationSpec } from './meeting-invitation';
import {
  checkInOverdueKind,
  meetingCancelledKind,
  meetingReminderKind,
  meetingRescheduledKind,
  meetingScheduledKind,
  milestoneAnnouncementKind,
  milestoneCelebrationKind,
  noCommonSlotKind,
  relationshipInactiveKind,
} from './scheduling.kinds';

// Pure: what messages a scheduling event means. Each side sees times in its own zone.

interface Pair {
  programId: string;
  role: string;
  menteeId: string;
  mentorId: string;
}

const toEachSide = (
  pair: Pair,
  kind: string,
  data: (side: 'mentee' | 'mentor') => Record<string, unknown>,
  extra: Partial<PlannedMessage> = {},
): PlannedMessage[] =>
  (['mentee', 'mentor'] as const).map((side) => ({
    kind,
    recipient: { physicianId: side === 'mentee' ? pair.menteeId : pair.mentorId },
    programId: pair.programId,
    data: { role: pair.role, side, ...data(side) },
    names: { other: side === 'mentee' ? pair.mentorId : pair.menteeId },
    ...extra,
  }));

const meetingData = (m: MeetingFacts) => (side: 'mentee' | 'mentor') => ({
  meetingKind: m.kind,
  meetingId: m.meetingId,
  start: m.start,
  end: m.end,
  zone: side === 'mentee' ? m.menteeTimeZone : m.mentorTimeZone,
  ...(m.videoUrl !== undefined && { videoUrl: m.videoUrl }),
});

const summary = (m: MeetingFacts) => `Mentorship ${m.kind} (${m.role})`;

export const planMeetingScheduled = (
  e: EventPayload<'medmentor.scheduling.meeting.scheduled'>,
): PlannedMessage[] =>
  toEachSide(e, meetingScheduledKind.kind, meetingData(e), {
    invitation: invitationSpec(e, summary(e)),
  });

export const planMeetingRescheduled = (
  e: EventPayload<'medmentor.scheduling.meeting.rescheduled'>,
): PlannedMessage[] =>
  toEachSide(
    e,
    meetingRescheduledKind.kind,
    (side) => ({ ...meetingData(e)(side), previousStart: e.previousStart }),
    {
      invitation: invitationSpec(e, summary(e)),
    },
  );

export const planMeetingCancelled = (
  e: EventPayload<'medmentor.scheduling.meeting.cancelled'>,
): PlannedMessage[] =>
  toEachSide(
    e,
    meetingCancelledKind.kind,
    (side) => ({ ...meetingData(e)(side), reason: e.reason }),
    {
      invitation: invitationSpec(e, summary(e), true),
    },
  );

export const planReminderDue = (
  e: EventPayload<'medmentor.scheduling.reminder.due'>,
): PlannedMessage[] => toEachSide(e, meetingReminderKind.kind, meetingData(e));

export const planNoCommonSlot = (
  e: EventPayload<'medmentor.scheduling.slot.not-found'>,
): PlannedMessage[] =>
  toEachSide(e, noCommonSlotKind.kind, () => ({
    meetingKind: e.kind,
    windowEnd: e.windowEnd,
    reason: e.reason,
  }));

export const planCheckInOverdue = (
  e: EventPayload<'medmentor.scheduling.check-in.overdue'>,
): PlannedMessage[] => toEachSide(e, checkInOverdueKind.kind, () => ({ dueBy: e.dueBy }));

/** Only the move to `inactive` alerts anyone: the program's administrators. */
export const planHealthChanged = (
  e: EventPayload<'medmentor.scheduling.relationship.health-changed'>,
): PlannedMessage[] =>
  e.health !== 'inactive'
    ? []
    : [
        {
          kind: relationshipInactiveKind.kind,
          recipient: { admins: true },
          programId: e.programId,
          data: { role: e.role, matchId: e.matchId },
          names: { mentee: e.menteeId, mentor: e.mentorId },
        },
      ];

/** A celebration to the pair and an announcement to the program's administrators. */
export const planMilestone = (
  e: EventPayload<'medmentor.scheduling.milestone.reached'>,
): PlannedMessage[] => {
  const data = { milestone: e.milestone, ...(e.count !== undefined && { count: e.count }) };
  return [
    ...toEachSide(e, milestoneCelebrationKind.kind, () => data),
    {
      kind: milestoneAnnouncementKind.kind,
      recipient: { admins: true },
      programId: e.programId,
      data: { role: e.role, ...data },
      names: { mentee: e.menteeId, mentor: e.mentorId },
    },
  ];
};
