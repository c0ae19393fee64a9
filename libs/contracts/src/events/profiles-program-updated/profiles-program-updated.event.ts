import type { z } from 'zod';
import { programConfigSchema } from '../profiles-program-published/profiles-program-published.event';

/**
 * A published program changed: its configuration, or its status (matching, active). Carries
 * the whole new configuration. Key: the program id.
 */
export const profilesProgramUpdatedSchema = programConfigSchema;

export type ProfilesProgramUpdated = z.infer<typeof profilesProgramUpdatedSchema>;
