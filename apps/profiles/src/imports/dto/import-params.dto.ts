import { z } from 'zod';
import { careerStageNameSchema, timeZoneSchema } from '@medmentor/domain';

export const importIdParamsSchema = z.strictObject({ importId: z.uuid() });
export type ImportIdParams = z.infer<typeof importIdParamsSchema>;

/** Defaults for what a hospital directory (FHIR) does not carry. */
export const fhirImportQuerySchema = z.strictObject({
  defaultTimeZone: timeZoneSchema.optional(),
  defaultCareerStage: careerStageNameSchema.exclude(['resident']).default('early-career'),
});
export type FhirImportQuery = z.infer<typeof fhirImportQuerySchema>;
