import { z } from 'zod';
import {
  cadencePhaseSchema,
  eligibilitySideSchema,
  MATCHING_MODES,
  PROGRAM_KINDS,
  PROGRAM_STATUSES,
  scoringWeightsSchema,
} from '@medmentor/contracts';
import { mentorshipRoleSchema, programObjectiveSchema } from '@medmentor/domain';
import { pageSchema } from '@medmentor/platform';
import { PROGRAM_ACTIONS } from '../program-lifecycle';

const dateTime = z.iso.datetime();

/** A program as the API returns it. */
export const programViewSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  description: z.string(),
  objectives: z.array(programObjectiveSchema),
  customObjectives: z.array(z.string()),
  kind: z.enum(PROGRAM_KINDS),
  matchingMode: z.enum(MATCHING_MODES),
  status: z.enum(PROGRAM_STATUSES),
  allowedActions: z
    .array(z.enum(PROGRAM_ACTIONS))
    .describe('Lifecycle actions the program allows now.'),
  cycle: z.object({
    enrollmentOpensAt: dateTime.optional(),
    enrollmentClosesAt: dateTime.optional(),
    rankListsDueAt: dateTime.optional(),
    matchDate: dateTime.optional(),
  }),
  rolesOffered: z.array(z.object({ role: mentorshipRoleSchema, perMentee: z.number().int() })),
  scoringWeights: scoringWeightsSchema,
  eligibility: z.object({ mentees: eligibilitySideSchema, mentors: eligibilitySideSchema }),
  requirements: z.object({ mentorTrainingCompleted: z.boolean() }),
  cadence: z.array(cadencePhaseSchema),
  kickoffWindowDays: z.number().int(),
  reminderOffsetsMinutes: z.array(z.number().int()),
  version: z.number().int(),
  createdAt: dateTime,
  updatedAt: dateTime,
  publishedAt: dateTime.optional(),
  closedAt: dateTime.optional(),
});

export const programPageSchema = pageSchema(programViewSchema);
