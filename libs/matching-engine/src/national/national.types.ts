/**
 * A national match in the residency-match form: applicants (mentees) rank programs (mentors or
 * mentor programs with several places), programs rank applicants. Lists are strict orders,
 * most preferred first; a pair can match only if each side ranks the other.
 */
export interface NationalApplicant {
  readonly id: string;
  readonly ranks: readonly string[];
}

export interface NationalProgram {
  readonly id: string;
  /** Places the program offers; 0 is allowed (it then takes nobody). */
  readonly capacity: number;
  readonly ranks: readonly string[];
}

export interface NationalInstance {
  readonly applicants: readonly NationalApplicant[];
  readonly programs: readonly NationalProgram[];
}

/** Which side proposes in deferred acceptance; the result is optimal for that side. */
export type Proposer = 'applicants' | 'programs';

/**
 * An instance in integer form. Applicants and programs are numbered in canonical (id) order, so
 * nothing downstream depends on the order of the input arrays. Rank lists are stored as CSR:
 * the list of applicant `a` is `applicantList[applicantStart[a] .. applicantStart[a + 1])`.
 */
export interface CompiledNationalInstance {
  readonly applicantIds: readonly string[];
  readonly programIds: readonly string[];
  readonly capacity: Int32Array;
  readonly applicantStart: Int32Array;
  /** Program index of each entry of the applicants' lists. */
  readonly applicantList: Int32Array;
  /** For each applicant-list entry: the applicant's 0-based rank on that program's list, or -1. */
  readonly applicantEntryProgramRank: Int32Array;
  readonly programStart: Int32Array;
  /** Applicant index of each entry of the programs' lists. */
  readonly programList: Int32Array;
  /** For each program-list entry: the program's 0-based rank on that applicant's list, or -1. */
  readonly programEntryApplicantRank: Int32Array;
}

/** `programOf[a]` is the program index applicant `a` is matched to, or -1. */
export type NationalMatching = Int32Array;

export type StabilityVerdict =
  | { readonly stable: true }
  | {
      readonly stable: false;
      readonly code: 'invalid-program' | 'not-mutually-ranked' | 'over-capacity' | 'blocking-pair';
      readonly reason: string;
    };

export interface NationalStats {
  readonly applicants: number;
  readonly programs: number;
  readonly places: number;
  readonly matched: number;
  readonly unmatchedApplicants: number;
  /** Unmatched applicants whose list holds no program that ranks them back. */
  readonly unmatchedWithoutMutualRank: number;
  readonly unfilledPlaces: number;
  readonly programsNotFilled: number;
  readonly programsWithNoMatch: number;
  /** Entry k: applicants matched to their (k+1)-th choice. */
  readonly applicantRankDistribution: readonly number[];
  /** Entry k: matched applicants who were their program's (k+1)-th choice. */
  readonly programRankDistribution: readonly number[];
}
