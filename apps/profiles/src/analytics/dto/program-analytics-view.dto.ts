import { z } from 'zod';
import { MILESTONES, RELATIONSHIP_HEALTH } from '@medmentor/contracts';
import { ENROLLMENT_ROLES, MENTORSHIP_ROLES } from '@medmentor/domain';

const count = z.number().int().min(0);
const rate = z
  .number()
  .min(0)
  .nullable()
  .describe('A fraction (0 to 1); null when nothing to divide by.');
const hours = z.number().min(0).nullable();
const counts = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, count])) as Record<K, typeof count>);

/** A program's analytics for a period, as the API returns them. */
export const programAnalyticsViewSchema = z.object({
  programId: z.string(),
  period: z.object({ from: z.iso.datetime().nullable(), to: z.iso.datetime() }),
  enrolled: z
    .object({
      total: count,
      bySide: counts(ENROLLMENT_ROLES),
      byRole: counts(MENTORSHIP_ROLES),
    })
    .describe('Enrollments active at the end of the period.'),
  matches: z
    .object({
      proposed: count,
      activated: count,
      declined: count,
      expired: count,
      pending: count,
      matchedMentees: count,
      matchRate: rate.describe(
        'Mentee-side enrollments with an activated match, over those enrolled.',
      ),
      acceptanceRate: rate.describe('Activated over decided (activated, declined, expired).'),
      declineRate: rate,
      expiryRate: rate,
    })
    .describe('Matches proposed in the period.'),
  timeToFirstMeeting: z
    .object({ count, averageHours: hours, medianHours: hours })
    .describe('From activation to the first meeting held, for the matches proposed in the period.'),
  checkIns: z
    .object({
      expected: count.describe(
        "Check-ins the program's cadence expects from each kickoff, due in the period and before now.",
      ),
      due: count.describe(
        'Check-ins scheduled to start in the period and before now (not cancelled).',
      ),
      completed: count.describe('Of those, the ones held.'),
      completionRate: rate.describe('Held over scheduled.'),
      cadenceCompletionRate: rate.describe('Held over expected by the cadence.'),
      overdueAlerts: count.describe('Overdue check-in alerts due in the period.'),
    })
    .describe('Check-ins in the period.'),
  health: counts([...RELATIONSHIP_HEALTH, 'unknown']).describe(
    'Current health of the matches active at the end of the period.',
  ),
  milestones: counts(MILESTONES).describe('Milestones reached in the period.'),
});

export type ProgramAnalyticsView = z.infer<typeof programAnalyticsViewSchema>;
