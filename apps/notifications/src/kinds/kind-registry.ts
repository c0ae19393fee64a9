import { digestKind } from './digest.kind';
import {
  enrollmentConfirmedKind,
  enrollmentWithdrawnKind,
  rankListFrozenKind,
} from './enrollment.kinds';
import {
  matchAcceptedKind,
  matchActivatedKind,
  matchDeclinedKind,
  matchEndedKind,
  matchExpiredKind,
  matchProposedKind,
  matchRunCompletedKind,
} from './matching.kinds';
import type { MessageKindDefinition } from './message-kind.definition';
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

/** Every message kind the service sends; a new kind is one entry here plus its planner. */
export const MESSAGE_KINDS: readonly MessageKindDefinition[] = [
  enrollmentConfirmedKind,
  enrollmentWithdrawnKind,
  rankListFrozenKind,
  matchProposedKind,
  matchAcceptedKind,
  matchDeclinedKind,
  matchExpiredKind,
  matchActivatedKind,
  matchEndedKind,
  matchRunCompletedKind,
  meetingScheduledKind,
  meetingRescheduledKind,
  meetingCancelledKind,
  meetingReminderKind,
  noCommonSlotKind,
  checkInOverdueKind,
  relationshipInactiveKind,
  milestoneCelebrationKind,
  milestoneAnnouncementKind,
  digestKind,
];

const byName = new Map(MESSAGE_KINDS.map((definition) => [definition.kind, definition]));

export const KIND_NAMES = MESSAGE_KINDS.map((definition) => definition.kind) as [
  string,
  ...string[],
];

export const messageKind = (kind: string): MessageKindDefinition => {
  const definition = byName.get(kind);
  if (!definition) throw new Error(`unknown message kind ${kind}`);
  return definition;
};

export const isMessageKind = (kind: string): boolean => byName.has(kind);
