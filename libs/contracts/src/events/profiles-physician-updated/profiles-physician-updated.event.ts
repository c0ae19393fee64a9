import type { z } from 'zod';
import { physicianSnapshotSchema } from '../profiles-physician-registered/profiles-physician-registered.event';

/** A physician profile changed: its whole new snapshot. Key: the physician id. */
export const profilesPhysicianUpdatedSchema = physicianSnapshotSchema;

export type ProfilesPhysicianUpdated = z.infer<typeof profilesPhysicianUpdatedSchema>;
