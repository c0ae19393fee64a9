import type { MatchingMode } from '@medmentor/contracts';
import type { EnrollmentRole } from '@medmentor/domain';

// Which side of a program's participants a physician may browse. Pure: the caller passes the
// program and the physician's own active enrollment in it.

export type DirectoryAccess =
  | { allowed: true; side: EnrollmentRole }
  | { allowed: false; field: 'programId' | 'side'; reason: string };

/** The side a ranker ranks: mentees rank mentors, mentors rank mentees. */
const RANKED_SIDE: Partial<Record<EnrollmentRole, EnrollmentRole>> = {
  mentee: 'mentor',
  mentor: 'mentee',
};

/**
 * A physician sees the side they rank, and only in a program that collects rank lists: in
 * the other modes matching proposes the pairs, and nobody needs to browse the others.
 */
export const physicianDirectoryAccess = (
  program: { matchingMode: MatchingMode },
  own: { side: EnrollmentRole } | null,
  requested: EnrollmentRole | undefined,
): DirectoryAccess => {
  if (own === null)
    return {
      allowed: false,
      field: 'programId',
      reason: 'only physicians with an active enrollment in the program see its participants',
    };
  if (program.matchingMode !== 'national-ranked')
    return {
      allowed: false,
      field: 'programId',
      reason: `participants rank each other only in national-ranked programs, not ${program.matchingMode}`,
    };
  const side = RANKED_SIDE[own.side];
  if (side === undefined)
    return { allowed: false, field: 'programId', reason: 'peers do not rank in this program' };
  if (requested !== undefined && requested !== side)
    return { allowed: false, field: 'side', reason: `a ${own.side} sees the ${side}s only` };
  return { allowed: true, side };
};
