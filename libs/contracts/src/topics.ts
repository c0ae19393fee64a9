/**
 * Every Kafka topic the platform uses, in one place. A topic carries the events of one
 * aggregate at one schema version; the message key is the aggregate id, so one aggregate's
 * events keep their order.
 */
export const Topics = {
  DiagnosticsPing: 'medmentor.diagnostics.ping.v1',
  ProfilesTenant: 'medmentor.profiles.tenant.v1',
  ProfilesPhysician: 'medmentor.profiles.physician.v1',
  ProfilesProgram: 'medmentor.profiles.program.v1',
  /** Enrollments and their rank lists, keyed by the enrollment id. */
  ProfilesEnrollment: 'medmentor.profiles.enrollment.v1',
  /** Match runs: started, progress, completed; keyed by the run id. */
  MatchingRun: 'medmentor.matching.run.v1',
  /** The lifecycle of one match, keyed by the match id. */
  MatchingMatch: 'medmentor.matching.match.v1',
  /** Outcomes of messages (sent, failed, skipped), keyed by the delivery id. */
  NotificationsDelivery: 'medmentor.notifications.delivery.v1',
  /** Kickoffs and check-ins: scheduled, moved, cancelled, held, reminders; keyed by the meeting id. */
  SchedulingMeeting: 'medmentor.scheduling.meeting.v1',
  /** A mentorship's rhythm: no common slot, overdue check-ins, health, milestones; keyed by the match id. */
  SchedulingRelationship: 'medmentor.scheduling.relationship.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Suffix of the dead-letter topic that sits beside every topic. */
export const DEAD_LETTER_SUFFIX = '.dlq';

export const deadLetterTopicOf = (topic: string): string => `${topic}${DEAD_LETTER_SUFFIX}`;

export const allTopics = (): Topic[] => Object.values(Topics);
