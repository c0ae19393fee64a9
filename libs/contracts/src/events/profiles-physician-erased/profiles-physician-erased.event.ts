import { z } from 'zod';

/**
 * A physician's personal data was erased: every service erases or anonymises its copy.
 * Carries ids only. Key: the physician id.
 */
export const profilesPhysicianErasedSchema = z.object({
  physicianId: z.string().min(1).max(128),
  tenantId: z.string().min(1).max(128),
});

export type ProfilesPhysicianErased = z.infer<typeof profilesPhysicianErasedSchema>;
