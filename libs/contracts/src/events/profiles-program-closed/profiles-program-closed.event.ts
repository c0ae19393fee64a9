import { z } from 'zod';

/** A program was closed: no more enrollments, matches or check-ins. Key: the program id. */
export const profilesProgramClosedSchema = z.object({
  programId: z.string().min(1).max(128),
  tenantId: z.string().min(1).max(128),
  closedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().min(1),
});

export type ProfilesProgramClosed = z.infer<typeof profilesProgramClosedSchema>;
