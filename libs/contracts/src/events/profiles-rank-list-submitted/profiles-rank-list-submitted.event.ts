import { z } from 'zod';
import { enrollmentRoleSchema } from '@medmentor/domain';

const id = z.string().min(1).max(128);

/**
 * A ranked list in a national program: the enrollment ids of the other side, most wanted
 * first (mentees rank mentors, mentors rank mentees). It travels on the enrollment topic,
 * keyed by the ranking enrollment, so it stays in order with that enrollment's own events.
 * `version` grows with every edit.
 */
export const rankListSnapshotSchema = z.object({
  enrollmentId: id,
  tenantId: id,
  programId: id,
  physicianId: id,
  side: z.enum(['mentee', 'mentor'] as const satisfies readonly z.infer<
    typeof enrollmentRoleSchema
  >[]),
  ranks: z.array(id).max(200),
  submittedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().min(1),
});

export type RankListSnapshot = z.infer<typeof rankListSnapshotSchema>;

/** A rank list was submitted or edited before the deadline: the whole list. Key: the enrollment id. */
export const profilesRankListSubmittedSchema = rankListSnapshotSchema;

export type ProfilesRankListSubmitted = z.infer<typeof profilesRankListSubmittedSchema>;
