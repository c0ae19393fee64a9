import { z } from 'zod';
import { MATCHING_MODES, PROGRAM_KINDS, PROGRAM_STATUSES } from '@medmentor/contracts';
import { pageQueryFields } from '@medmentor/platform';

export const listProgramsQuerySchema = z.object({
  ...pageQueryFields,
  status: z.enum(PROGRAM_STATUSES).optional(),
  kind: z.enum(PROGRAM_KINDS).optional(),
  matchingMode: z.enum(MATCHING_MODES).optional(),
});

export type ListProgramsQuery = z.output<typeof listProgramsQuerySchema>;
