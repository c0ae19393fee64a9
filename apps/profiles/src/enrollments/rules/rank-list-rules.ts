import type { EnrollmentStatus } from '@medmentor/contracts';
import type { EnrollmentRole } from '@medmentor/domain';
import type { FieldError } from '@medmentor/platform';

// What a submitted rank list must satisfy. Pure: the caller looks the ranked enrollments up.

export interface RankingEnrollment {
  id: string;
  programId: string;
  side: 'mentee' | 'mentor';
  /** Physician ids the ranking physician never wants to be paired with. */
  exclusions: readonly string[];
}

export interface RankedEnrollment {
  id: string;
  programId: string;
  physicianId: string;
  side: EnrollmentRole;
  status: EnrollmentStatus;
}

/** Mentees rank mentors, mentors rank mentees. */
export const rankedSide = (side: 'mentee' | 'mentor'): 'mentee' | 'mentor' =>
  side === 'mentee' ? 'mentor' : 'mentee';

/**
 * Problems with `ranks`: each entry must be an active enrollment of the other side in the same
 * program, listed once, and not of a physician the ranking one excluded. `found` holds the
 * enrollments of the tenant the ids name (unknown ids are simply absent).
 */
export const rankListIssues = (
  ranking: RankingEnrollment,
  ranks: readonly string[],
  found: ReadonlyMap<string, RankedEnrollment>,
): FieldError[] => {
  const issues: FieldError[] = [];
  const wanted = rankedSide(ranking.side);
  const seen = new Set<string>();
  ranks.forEach((id, index) => {
    const field = `ranks[${index}]`;
    if (seen.has(id)) {
      issues.push({ field, message: 'is listed more than once' });
      return;
    }
    seen.add(id);
    const other = found.get(id);
    if (other === undefined || other.programId !== ranking.programId) {
      issues.push({ field, message: 'is not an enrollment of this program' });
    } else if (other.side !== wanted) {
      issues.push({
        field,
        message: `is a ${other.side} enrollment; a ${ranking.side} ranks ${wanted}s`,
      });
    } else if (other.status !== 'active') {
      issues.push({ field, message: 'is withdrawn' });
    } else if (ranking.exclusions.includes(other.physicianId)) {
      issues.push({ field, message: 'is the enrollment of a physician you excluded' });
    }
  });
  return issues;
};
