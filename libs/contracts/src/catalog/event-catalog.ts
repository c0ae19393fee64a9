import type { z } from 'zod';
import { diagnosticsPingSentSchema } from '../events/diagnostics-ping-sent/diagnostics-ping-sent.event';
import { profilesEnrollmentSubmittedSchema } from '../events/profiles-enrollment-submitted/profiles-enrollment-submitted.event';
import { profilesEnrollmentUpdatedSchema } from '../events/profiles-enrollment-updated/profiles-enrollment-updated.event';
import { profilesEnrollmentWithdrawnSchema } from '../events/profiles-enrollment-withdrawn/profiles-enrollment-withdrawn.event';
import { profilesRankListFrozenSchema } from '../events/profiles-rank-list-frozen/profiles-rank-list-frozen.event';
import { profilesRankListSubmittedSchema } from '../events/profiles-rank-list-submitted/profiles-rank-list-submitted.event';
import { profilesProgramClosedSchema } from '../events/profiles-program-closed/profiles-program-closed.event';
import { profilesProgramPublishedSchema } from '../events/profiles-program-published/profiles-program-published.event';
import { profilesProgramUpdatedSchema } from '../events/profiles-program-updated/profiles-program-updated.event';
import { profilesPhysicianErasedSchema } from '../events/profiles-physician-erased/profiles-physician-erased.event';
import { profilesPhysicianRegisteredSchema } from '../events/profiles-physician-registered/profiles-physician-registered.event';
import { profilesPhysicianUpdatedSchema } from '../events/profiles-physician-updated/profiles-physician-updated.event';
import { profilesTenantRegisteredSchema } from '../events/profiles-tenant-registered/profiles-tenant-registered.event';
import { profilesTenantUpdatedSchema } from '../events/profiles-tenant-updated/profiles-tenant-updated.event';
import {
  matchingRunCompletedSchema,
  matchingRunProgressSchema,
  matchingRunStartedSchema,
} from '../events/matching-run/matching-run.events';
import {
  matchingMatchAcceptedSchema,
  matchingMatchActivatedSchema,
  matchingMatchDeclinedSchema,
  matchingMatchEndedSchema,
  matchingMatchExpiredSchema,
  matchingMatchProposedSchema,
} from '../events/matching-match/matching-match.events';
import {
  notificationsDeliveryFailedSchema,
  notificationsDeliverySentSchema,
  notificationsDeliverySkippedSchema,
} from '../events/notifications-delivery/notifications-delivery.events';
import {
  schedulingMeetingCancelledSchema,
  schedulingMeetingCompletedSchema,
  schedulingMeetingRescheduledSchema,
  schedulingMeetingScheduledSchema,
  schedulingReminderDueSchema,
} from '../events/scheduling-meeting/scheduling-meeting.events';
import {
  schedulingCheckInOverdueSchema,
  schedulingMilestoneReachedSchema,
  schedulingNoCommonSlotSchema,
  schedulingRelationshipHealthChangedSchema,
} from '../events/scheduling-relationship/scheduling-relationship.events';
import { Topics, type Topic } from '../topics';

export type ServiceName = 'profiles' | 'matching' | 'scheduling' | 'notifications';

export interface EventDefinition<TSchema extends z.ZodType = z.ZodType> {
  topic: Topic;
  schema: TSchema;
  producer: ServiceName;
  consumers: readonly ServiceName[];
  /** Which payload field holds the aggregate id used as the message key. */
  keyField: string;
  description: string;
}

const defineEvent = <TSchema extends z.ZodType>(definition: EventDefinition<TSchema>) => definition;

/**
 * Every event type: its topic, payload schema, producer and consumers. docs/events.md is
 * generated from this table and a test keeps the two in step.
 */
export const eventCatalog = {
  'medmentor.diagnostics.ping.sent': defineEvent({
    topic: Topics.DiagnosticsPing,
    schema: diagnosticsPingSentSchema,
    producer: 'profiles',
    consumers: ['notifications'],
    keyField: 'pingId',
    description: 'Pipeline probe sent by an operator; its receipt proves the event path works.',
  }),
  'medmentor.profiles.tenant.registered': defineEvent({
    topic: Topics.ProfilesTenant,
    schema: profilesTenantRegisteredSchema,
    producer: 'profiles',
    consumers: ['notifications'],
    keyField: 'tenantId',
    description:
      'A platform admin registered an organization (health system or specialty society); carries its whole state.',
  }),
  'medmentor.profiles.tenant.updated': defineEvent({
    topic: Topics.ProfilesTenant,
    schema: profilesTenantUpdatedSchema,
    producer: 'profiles',
    consumers: ['notifications'],
    keyField: 'tenantId',
    description:
      'A tenant changed (name, time zone, status, hospitals, departments); carries its whole new state and version.',
  }),
  'medmentor.profiles.physician.registered': defineEvent({
    topic: Topics.ProfilesPhysician,
    schema: profilesPhysicianRegisteredSchema,
    producer: 'profiles',
    consumers: ['matching', 'scheduling', 'notifications'],
    keyField: 'physicianId',
    description:
      'A physician profile was created; carries what matching, scheduling and notifications keep (no NPI, phone or bio).',
  }),
  'medmentor.profiles.physician.updated': defineEvent({
    topic: Topics.ProfilesPhysician,
    schema: profilesPhysicianUpdatedSchema,
    producer: 'profiles',
    consumers: ['profiles', 'matching', 'scheduling', 'notifications'],
    keyField: 'physicianId',
    description: 'A physician profile changed; carries its whole new snapshot and version.',
  }),
  'medmentor.profiles.physician.erased': defineEvent({
    topic: Topics.ProfilesPhysician,
    schema: profilesPhysicianErasedSchema,
    producer: 'profiles',
    consumers: ['profiles', 'matching', 'scheduling', 'notifications'],
    keyField: 'physicianId',
    description:
      "A physician's personal data was erased; every consumer erases or anonymises its copy. Ids only.",
  }),
  'medmentor.profiles.program.published': defineEvent({
    topic: Topics.ProfilesProgram,
    schema: profilesProgramPublishedSchema,
    producer: 'profiles',
    consumers: ['matching', 'scheduling', 'notifications'],
    keyField: 'programId',
    description:
      'A draft program was published and opens for enrollment; carries the configuration matching, scheduling and notifications need.',
  }),
  'medmentor.profiles.program.updated': defineEvent({
    topic: Topics.ProfilesProgram,
    schema: profilesProgramUpdatedSchema,
    producer: 'profiles',
    consumers: ['matching', 'scheduling', 'notifications'],
    keyField: 'programId',
    description:
      'A published program changed its configuration or moved to matching or active; carries the whole new configuration and version.',
  }),
  'medmentor.profiles.program.closed': defineEvent({
    topic: Topics.ProfilesProgram,
    schema: profilesProgramClosedSchema,
    producer: 'profiles',
    consumers: ['matching', 'scheduling', 'notifications'],
    keyField: 'programId',
    description: 'A program was closed: no more enrollments, matches or check-ins.',
  }),
  'medmentor.profiles.enrollment.submitted': defineEvent({
    topic: Topics.ProfilesEnrollment,
    schema: profilesEnrollmentSubmittedSchema,
    producer: 'profiles',
    consumers: ['matching', 'notifications'],
    keyField: 'enrollmentId',
    description:
      'A physician enrolled in a program as mentee, mentor or peer; carries side, roles, topics, preferences (with hard exclusions) and capacity.',
  }),
  'medmentor.profiles.enrollment.updated': defineEvent({
    topic: Topics.ProfilesEnrollment,
    schema: profilesEnrollmentUpdatedSchema,
    producer: 'profiles',
    consumers: ['matching'],
    keyField: 'enrollmentId',
    description: 'An enrollment changed; carries its whole new snapshot and version.',
  }),
  'medmentor.profiles.enrollment.withdrawn': defineEvent({
    topic: Topics.ProfilesEnrollment,
    schema: profilesEnrollmentWithdrawnSchema,
    producer: 'profiles',
    consumers: ['matching', 'notifications'],
    keyField: 'enrollmentId',
    description:
      'A physician withdrew from a program (or an administrator removed them); matching drops them.',
  }),
  'medmentor.profiles.rank-list.submitted': defineEvent({
    topic: Topics.ProfilesEnrollment,
    schema: profilesRankListSubmittedSchema,
    producer: 'profiles',
    consumers: ['matching'],
    keyField: 'enrollmentId',
    description:
      'A national-program rank list was submitted or edited before the deadline; carries the whole ordered list of enrollment ids.',
  }),
  'medmentor.profiles.rank-list.frozen': defineEvent({
    topic: Topics.ProfilesEnrollment,
    schema: profilesRankListFrozenSchema,
    producer: 'profiles',
    consumers: ['matching', 'notifications'],
    keyField: 'enrollmentId',
    description:
      'The rank-list deadline passed; the list (possibly empty) is final and is what the national match uses.',
  }),
  'medmentor.matching.run.started': defineEvent({
    topic: Topics.MatchingRun,
    schema: matchingRunStartedSchema,
    producer: 'matching',
    consumers: [],
    keyField: 'runId',
    description:
      'A match run began executing (or resumed after a crash, with the next attempt number).',
  }),
  'medmentor.matching.run.progress': defineEvent({
    topic: Topics.MatchingRun,
    schema: matchingRunProgressSchema,
    producer: 'matching',
    consumers: [],
    keyField: 'runId',
    description: 'A match run finished a phase (snapshot, solve, verify, store) and how far it is.',
  }),
  'medmentor.matching.run.completed': defineEvent({
    topic: Topics.MatchingRun,
    schema: matchingRunCompletedSchema,
    producer: 'matching',
    consumers: ['notifications'],
    keyField: 'runId',
    description:
      'A match run ended, completed (counts, input and output hashes, verification, the run it reproduces) or failed (reason).',
  }),
  'medmentor.matching.match.proposed': defineEvent({
    topic: Topics.MatchingMatch,
    schema: matchingMatchProposedSchema,
    producer: 'matching',
    consumers: ['profiles', 'notifications'],
    keyField: 'matchId',
    description:
      'A match was proposed to a mentee and a mentor (published run, rematch, manual or self-match) with a response deadline.',
  }),
  'medmentor.matching.match.accepted': defineEvent({
    topic: Topics.MatchingMatch,
    schema: matchingMatchAcceptedSchema,
    producer: 'matching',
    consumers: ['profiles', 'notifications'],
    keyField: 'matchId',
    description: 'One side of a proposed match accepted it.',
  }),
  'medmentor.matching.match.declined': defineEvent({
    topic: Topics.MatchingMatch,
    schema: matchingMatchDeclinedSchema,
    producer: 'matching',
    consumers: ['profiles', 'notifications'],
    keyField: 'matchId',
    description: 'One side declined a proposed match; it is over and the mentee can be rematched.',
  }),
  'medmentor.matching.match.expired': defineEvent({
    topic: Topics.MatchingMatch,
    schema: matchingMatchExpiredSchema,
    producer: 'matching',
    consumers: ['profiles', 'notifications'],
    keyField: 'matchId',
    description: 'The response deadline of a proposed match passed before both sides accepted.',
  }),
  'medmentor.matching.match.activated': defineEvent({
    topic: Topics.MatchingMatch,
    schema: matchingMatchActivatedSchema,
    producer: 'matching',
    consumers: ['profiles', 'scheduling', 'notifications'],
    keyField: 'matchId',
    description: 'Both sides accepted: the mentorship starts (scheduling plans the kickoff).',
  }),
  'medmentor.matching.match.ended': defineEvent({
    topic: Topics.MatchingMatch,
    schema: matchingMatchEndedSchema,
    producer: 'matching',
    consumers: ['profiles', 'scheduling', 'notifications'],
    keyField: 'matchId',
    description:
      'A match ended: completed, undone by an administrator, a side withdrew or erased, or the program closed.',
  }),
  'medmentor.notifications.delivery.sent': defineEvent({
    topic: Topics.NotificationsDelivery,
    schema: notificationsDeliverySentSchema,
    producer: 'notifications',
    consumers: [],
    keyField: 'deliveryId',
    description:
      'A message left on one channel (SMTP accepted it, the inbox stored it, the webhook answered 2xx). Ids only.',
  }),
  'medmentor.notifications.delivery.failed': defineEvent({
    topic: Topics.NotificationsDelivery,
    schema: notificationsDeliveryFailedSchema,
    producer: 'notifications',
    consumers: [],
    keyField: 'deliveryId',
    description:
      'Every attempt to send a message failed; it is dead-lettered with the reason. Ids only.',
  }),
  'medmentor.notifications.delivery.skipped': defineEvent({
    topic: Topics.NotificationsDelivery,
    schema: notificationsDeliverySkippedSchema,
    producer: 'notifications',
    consumers: [],
    keyField: 'deliveryId',
    description:
      'A message was not sent on purpose: the recipient opted out or was erased, or a digest took it in. Ids only.',
  }),
  'medmentor.scheduling.meeting.scheduled': defineEvent({
    topic: Topics.SchedulingMeeting,
    schema: schedulingMeetingScheduledSchema,
    producer: 'scheduling',
    consumers: ['profiles', 'notifications'],
    keyField: 'meetingId',
    description:
      "A kickoff or one check-in of a series was scheduled at a slot inside both physicians' availability; carries both sides, UTC times, zones and the video link.",
  }),
  'medmentor.scheduling.meeting.rescheduled': defineEvent({
    topic: Topics.SchedulingMeeting,
    schema: schedulingMeetingRescheduledSchema,
    producer: 'scheduling',
    consumers: ['profiles', 'notifications'],
    keyField: 'meetingId',
    description:
      'A meeting moved (one occurrence, or it and the rest of its series); carries the previous and new times.',
  }),
  'medmentor.scheduling.meeting.cancelled': defineEvent({
    topic: Topics.SchedulingMeeting,
    schema: schedulingMeetingCancelledSchema,
    producer: 'scheduling',
    consumers: ['profiles', 'notifications'],
    keyField: 'meetingId',
    description:
      'A meeting will not take place: cancelled by a participant or an administrator, or its match ended.',
  }),
  'medmentor.scheduling.meeting.completed': defineEvent({
    topic: Topics.SchedulingMeeting,
    schema: schedulingMeetingCompletedSchema,
    producer: 'scheduling',
    consumers: ['profiles'],
    keyField: 'meetingId',
    description: 'A meeting took place (marked by a participant or an administrator).',
  }),
  'medmentor.scheduling.reminder.due': defineEvent({
    topic: Topics.SchedulingMeeting,
    schema: schedulingReminderDueSchema,
    producer: 'scheduling',
    consumers: ['notifications'],
    keyField: 'meetingId',
    description:
      "A reminder is due before a meeting, at one of the program's reminder offsets; published once per meeting and offset.",
  }),
  'medmentor.scheduling.slot.not-found': defineEvent({
    topic: Topics.SchedulingRelationship,
    schema: schedulingNoCommonSlotSchema,
    producer: 'scheduling',
    consumers: ['notifications'],
    keyField: 'matchId',
    description:
      'No common slot exists in the window (kickoff window or a check-in): nothing was scheduled and the pair is asked to choose.',
  }),
  'medmentor.scheduling.check-in.overdue': defineEvent({
    topic: Topics.SchedulingRelationship,
    schema: schedulingCheckInOverdueSchema,
    producer: 'scheduling',
    consumers: ['profiles', 'notifications'],
    keyField: 'matchId',
    description:
      'No check-in was completed within the cadence interval plus the grace period; once per overdue period.',
  }),
  'medmentor.scheduling.milestone.reached': defineEvent({
    topic: Topics.SchedulingRelationship,
    schema: schedulingMilestoneReachedSchema,
    producer: 'scheduling',
    consumers: ['profiles', 'notifications'],
    keyField: 'matchId',
    description:
      'A relationship reached a milestone (first meeting held, six months active, N check-ins, all action items done); once each.',
  }),
  'medmentor.scheduling.relationship.health-changed': defineEvent({
    topic: Topics.SchedulingRelationship,
    schema: schedulingRelationshipHealthChangedSchema,
    producer: 'scheduling',
    consumers: ['profiles', 'notifications'],
    keyField: 'matchId',
    description: 'A relationship moved between on track, needs a check-in and inactive.',
  }),
} as const;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventPayload<T extends EventType> = z.infer<EventCatalog[T]['schema']>;
export type EventTopic<T extends EventType> = EventCatalog[T]['topic'];

export const isKnownEventType = (type: string): type is EventType =>
  Object.prototype.hasOwnProperty.call(eventCatalog, type);

export const eventTypesOnTopic = (topic: string): EventType[] =>
  (Object.keys(eventCatalog) as EventType[]).filter((type) => eventCatalog[type].topic === topic);
