import type { AssignmentInstance, AssignmentOptions, AssignmentResult } from './assignment.types';
import { buildAssignmentProblem, chooseOrientation } from './assignment-problem';
import type { Orientation } from './assignment-problem';
import { compileAssignment } from './compile-assignment';
import type { CompiledAssignment } from './compile-assignment';
import { shortestAugmentingPath } from './shortest-augmenting-path';
import { checkTransportCertificate } from './transport-certificate';
import type { CertificateCheck } from './transport-certificate';
import type { TransportSolution } from './transport-problem';

export interface AssignmentSolution {
  /** Per mentee (compiled order): the compiled arc it uses, or -1. */
  readonly arcOf: Int32Array;
  readonly orientation: Orientation;
  /** The solver's own solution with its dual certificate, in the orientation it ran. */
  readonly transport: TransportSolution;
}

/** Solves a compiled instance exactly; the orientation only changes speed (and tie outcomes). */
export function solveCompiledAssignment(
  c: CompiledAssignment,
  orientation: Orientation = chooseOrientation(c),
): AssignmentSolution {
  const built = buildAssignmentProblem(c, orientation);
  const transport = shortestAugmentingPath(built.problem);
  return { arcOf: menteeArcs(c, built.originalArc, transport.arcOf), orientation, transport };
}

function menteeArcs(
  c: CompiledAssignment,
  originalArc: Int32Array,
  rowArc: Int32Array,
): Int32Array {
  const arcOf = new Int32Array(c.menteeIds.length).fill(-1);
  for (let r = 0; r < rowArc.length; r++) {
    if (rowArc[r] < 0) continue;
    const e = originalArc[rowArc[r]];
    let i = 0; // the mentee owning compiled arc e: binary search in rowStart
    let hi = c.menteeIds.length - 1;
    while (i < hi) {
      const mid = (i + hi + 1) >> 1;
      if (c.rowStart[mid] <= e) i = mid;
      else hi = mid - 1;
    }
    arcOf[i] = e;
  }
  return arcOf;
}

/**
 * Re-checks the optimality certificate (LP duality: dual feasibility and complementary
 * slackness) against a problem rebuilt from the instance, in O(pairs), and that the per-mentee
 * answer is the certified one.
 */
export function checkAssignmentCertificate(
  c: CompiledAssignment,
  s: AssignmentSolution,
): CertificateCheck {
  const built = buildAssignmentProblem(c, s.orientation);
  const check = checkTransportCertificate(built.problem, s.transport);
  if (!check.ok) return check;
  const certified = menteeArcs(c, built.originalArc, s.transport.arcOf);
  for (let i = 0; i < certified.length; i++) {
    if (certified[i] !== s.arcOf[i])
      return { ok: false, reason: `mentee ${i} differs from the certified solution` };
  }
  return { ok: true };
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
