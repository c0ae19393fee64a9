import type { AssignmentInstance, AssignmentOptions, AssignmentResult } from './assignment.types';
import { compileAssignment, toTransportProblem } from './compile-assignment';
import type { CompiledAssignment } from './compile-assignment';
import { shortestAugmentingPath } from './shortest-augmenting-path';
import { checkTransportCertificate } from './transport-certificate';
import type { TransportSolution } from './transport-problem';

/** Solves a compiled instance; `arcOf[i]` is the arc mentee i uses, or -1. */
export function solveCompiledAssignment(c: CompiledAssignment): TransportSolution {
  return shortestAugmentingPath(toTransportProblem(c));
}

/** Re-checks the solver's optimality certificate (LP duality) in O(pairs). */
export function checkAssignmentCertificate(c: CompiledAssignment, solution: TransportSolution) {
  return checkTransportCertificate(toTransportProblem(c), solution);
}

/** Matches in mentee-id order, unmatched mentees, and the exact total. */
export function assignmentResult(c: CompiledAssignment, arcOf: Int32Array): AssignmentResult {
  const matches = [];
  const unmatched = [];
  let total = 0;
  for (let i = 0; i < arcOf.length; i++) {
    const e = arcOf[i];
    if (e < 0) {
      unmatched.push(c.menteeIds[i]);
      continue;
    }
    total += c.arcScore[e];
    matches.push({
      mentee: c.menteeIds[i],
      mentor: c.mentorIds[c.arcMentor[e]],
      score: c.arcScore[e] / c.scale,
    });
  }
  return { matches, unmatched, total: total / c.scale };
}

/**
 * The exact maximum-total-score assignment of mentees to mentors under capacities, where only
 * listed pairs are allowed (see README for the tie rule). Throws `MatchingInputError` on an
 * invalid instance, and an `Error` if the optimality certificate ever fails (a defect).
 */
export function solveAssignment(
  input: AssignmentInstance,
  options: AssignmentOptions = {},
): AssignmentResult {
  const c = compileAssignment(input, options);
  const solution = solveCompiledAssignment(c);
  const check = checkAssignmentCertificate(c, solution);
  if (!check.ok) throw new Error(`assignment optimality certificate failed: ${check.reason}`);
  return assignmentResult(c, solution.arcOf);
}
