import { z } from 'zod';
import {
  DEFAULT_CADENCE,
  DEFAULT_KICKOFF_WINDOW_DAYS,
  DEFAULT_REMINDER_OFFSETS_MINUTES,
  DEFAULT_ROLES_OFFERED,
  emptyEligibility,
} from '../program-settings';
import { programFields } from './program-fields.dto';

/** A new program starts as a draft; what is left out takes the defaults shown. */
export const createProgramSchema = z.strictObject({
  name: programFields.name,
  description: programFields.description.default(''),
  objectives: programFields.objectives.default([]),
  customObjectives: programFields.customObjectives.default([]),
  kind: programFields.kind,
  matchingMode: programFields.matchingMode,
  cycle: programFields.cycle.default({}),
  rolesOffered: programFields.rolesOffered.default(DEFAULT_ROLES_OFFERED),
  scoringWeights: programFields.scoringWeights
    .optional()
    .describe(
      'Relative weights from 0 to 1 per factor; left out entirely, the defaults apply; a factor left out of a given object weighs 0.',
    ),
  eligibility: programFields.eligibility.default(emptyEligibility()),
  requirements: programFields.requirements.default({ mentorTrainingCompleted: false }),
  cadence: programFields.cadence.default(DEFAULT_CADENCE),
  kickoffWindowDays: programFields.kickoffWindowDays.default(DEFAULT_KICKOFF_WINDOW_DAYS),
  reminderOffsetsMinutes: programFields.reminderOffsetsMinutes.default(
    DEFAULT_REMINDER_OFFSETS_MINUTES,
  ),
});

export type CreateProgramDto = z.output<typeof createProgramSchema>;
