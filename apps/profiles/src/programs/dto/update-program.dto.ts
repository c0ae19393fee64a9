import { z } from 'zod';
import { programFields } from './program-fields.dto';

/**
 * A change: each field given replaces the stored one as a whole (cycle, eligibility and
 * weights included); `version` is the version the client last read.
 */
export const updateProgramSchema = z
  .strictObject({
    version: z
      .number()
      .int()
      .min(1)
      .describe('The version last read; a stale one gets 409 version-conflict.'),
    name: programFields.name.optional(),
    description: programFields.description.optional(),
    objectives: programFields.objectives.optional(),
    customObjectives: programFields.customObjectives.optional(),
    kind: programFields.kind.optional().describe('Drafts only.'),
    matchingMode: programFields.matchingMode.optional().describe('Drafts only.'),
    cycle: programFields.cycle.optional(),
    rolesOffered: programFields.rolesOffered.optional(),
    scoringWeights: programFields.scoringWeights.optional(),
    eligibility: programFields.eligibility.optional(),
    requirements: programFields.requirements.optional(),
    cadence: programFields.cadence.optional(),
    kickoffWindowDays: programFields.kickoffWindowDays.optional(),
    reminderOffsetsMinutes: programFields.reminderOffsetsMinutes.optional(),
  })
  .refine((dto) => Object.keys(dto).length > 1, {
    message: 'must change at least one field besides version',
  });

export type UpdateProgramDto = z.output<typeof updateProgramSchema>;
