import { z } from 'zod';
import { hospitalDirectoryIssues } from '../hospital-directory';

const unitIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1-64 letters, digits or . _ : -')
  .describe('Keep the id of an existing unit; leave it out for a new one.');

const unitNameSchema = z.string().trim().min(1).max(200);

export const departmentInputSchema = z.strictObject({
  id: unitIdSchema.optional(),
  name: unitNameSchema,
});

export const hospitalInputSchema = z.strictObject({
  id: unitIdSchema.optional(),
  name: unitNameSchema,
  departments: z.array(departmentInputSchema).max(200).default([]),
});

/** The whole list of a health system's hospitals; a change replaces it. */
export const hospitalsInputSchema = z
  .array(hospitalInputSchema)
  .max(500)
  .superRefine((hospitals, ctx) => {
    for (const issue of hospitalDirectoryIssues(hospitals)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

export type HospitalsInput = z.output<typeof hospitalsInputSchema>;
