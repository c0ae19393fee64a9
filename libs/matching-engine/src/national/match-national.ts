import { compileNationalInstance } from './compile-national';
import { deferredAcceptance } from './deferred-acceptance';
import { matchingToPairs, unmatchedApplicants } from './national-matching';
import type { NationalPair } from './national-matching';
import { nationalStats } from './national-stats';
import type { NationalInstance, NationalStats, Proposer } from './national.types';

export interface NationalMatchOptions {
  /** Default `applicants`: the applicant-optimal (mentee-optimal) stable matching. */
  readonly proposer?: Proposer;
}

export interface NationalMatchResult {
  /** In applicant-id order. */
  readonly matches: NationalPair[];
  /** Unmatched applicant ids, in id order. */
  readonly unmatched: string[];
  readonly stats: NationalStats;
}

/**
 * Validates, solves and summarises a national match. The output depends only on the instance
 * (not on the order of its arrays), so the same instance always serialises to the same bytes.
 */
export function matchNational(
  input: NationalInstance,
  options: NationalMatchOptions = {},
): NationalMatchResult {
  const inst = compileNationalInstance(input);
  const programOf = deferredAcceptance(inst, options.proposer ?? 'applicants');
  return {
    matches: matchingToPairs(inst, programOf),
    unmatched: unmatchedApplicants(inst, programOf),
    stats: nationalStats(inst, programOf),
  };
}
