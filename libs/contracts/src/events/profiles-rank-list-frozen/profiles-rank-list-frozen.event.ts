import { z } from 'zod';
import { rankListSnapshotSchema } from '../profiles-rank-list-submitted/profiles-rank-list-submitted.event';

/**
 * The program's rank-list deadline passed: this list can no longer change and is the one
 * the national match uses. Key: the enrollment id.
 */
export const profilesRankListFrozenSchema = rankListSnapshotSchema.extend({
  frozenAt: z.iso.datetime({ offset: true }),
});

export type ProfilesRankListFrozen = z.infer<typeof profilesRankListFrozenSchema>;
