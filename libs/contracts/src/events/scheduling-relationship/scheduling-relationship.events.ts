import { z } from 'zod';
import { mentorshipRoleSchema } from '@medmentor/domain';

const id = z.string().min(1).max(128);
const dateTime = z.iso.datetime({ offset: true });

/** The match a relationship event is about, with both physicians. Key: the match id. */
export const relationshipFactsSchema = z.object({
  matchId: id,
  tenantId: id,
  programId: id,
  role: mentorshipRoleSchema,
  menteeId: id,
  mentorId: id,
  at: dateTime,
});

export const NO_COMMON_SLOT_REASONS = [
  'no-overlap',
  'availability-missing',
  'profile-missing',
] as const;

/**
 * No slot inside both physicians' availability and outside their busy time was found in
 * the window: nothing was scheduled, the pair is asked to choose a time.
 */
export const schedulingNoCommonSlotSchema = relationshipFactsSchema.extend({
  kind: z.enum(['kickoff', 'check-in']),
  windowStart: dateTime,
  windowEnd: dateTime,
  durationMinutes: z.number().int().min(1),
  reason: z.enum(NO_COMMON_SLOT_REASONS),
});

/** No check-in was completed within the cadence interval plus the grace period. */
export const schedulingCheckInOverdueSchema = relationshipFactsSchema.extend({
  lastCompletedAt: dateTime.optional(),
  dueBy: dateTime,
});

export const MILESTONES = [
  'first-meeting-held',
  'six-months-active',
  'check-ins-completed',
  'all-action-items-done',
] as const;
export type Milestone = (typeof MILESTONES)[number];

/** A relationship reached a milestone worth recognising. */
export const schedulingMilestoneReachedSchema = relationshipFactsSchema.extend({
  milestone: z.enum(MILESTONES),
  /** For `check-ins-completed`: how many. */
  count: z.number().int().min(1).optional(),
});

export const RELATIONSHIP_HEALTH = ['on-track', 'needs-check-in', 'inactive'] as const;
export type RelationshipHealth = (typeof RELATIONSHIP_HEALTH)[number];

/** The relationship's health moved (on track, needs a check-in, inactive). */
export const schedulingRelationshipHealthChangedSchema = relationshipFactsSchema.extend({
  health: z.enum(RELATIONSHIP_HEALTH),
  previous: z.enum(RELATIONSHIP_HEALTH).optional(),
  lastCompletedAt: dateTime.optional(),
});

export type SchedulingNoCommonSlot = z.infer<typeof schedulingNoCommonSlotSchema>;
export type SchedulingCheckInOverdue = z.infer<typeof schedulingCheckInOverdueSchema>;
export type SchedulingMilestoneReached = z.infer<typeof schedulingMilestoneReachedSchema>;
export type SchedulingRelationshipHealthChanged = z.infer<
  typeof schedulingRelationshipHealthChangedSchema
>;
