import { z } from 'zod';
import { enrollmentRoleSchema, languageSchema } from '@medmentor/domain';
import { pageQueryFields } from '@medmentor/platform';
import { listEnrollmentsQuerySchema } from './list-enrollments.dto';

/** The enrollment search's profile filters, read the same way. */
const { specialty, stage, interest, country, region } = listEnrollmentsQuerySchema.shape;

export const listParticipantsQuerySchema = z.strictObject({
  ...pageQueryFields,
  /** Physicians: the side they rank (the default); admins: any side, or all when left out. */
  side: enrollmentRoleSchema.optional(),
  /** The physician's specialty or subspecialty. */
  specialty,
  stage,
  interest,
  language: languageSchema.optional(),
  /** Finds only physicians who show their location to potential matches. */
  country,
  /** Finds only physicians who show their location to potential matches. */
  region,
});

export type ListParticipantsQuery = z.output<typeof listParticipantsQuerySchema>;
