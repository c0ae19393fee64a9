import {
  compileAssignment,
  compileNationalInstance,
  deferredAcceptance,
  matchesToArcs,
  matchingToPairs,
  MatchingInputError,
  nationalStats,
  pairsToMatching,
  solveAssignment,
  unmatchedApplicants,
  verifyAssignment,
  verifyStable,
} from '@medmentor/matching-engine';
import type { CompiledNationalInstance, NationalMatching } from '@medmentor/matching-engine';
import { InputError } from './input-error';
import type { ParsedAssignment, ParsedNational } from './instance-parsing';
import { parseInstance } from './instance-parsing';
import { asArray, asFiniteNumber, asId, asObject } from './json-reader';
import type { MatchOptions } from './match-args';

export interface Verdict {
  readonly valid: boolean;
  readonly message: string;
}

/** Solves an instance (either kind) and returns the result document. */
export function solveInstance(json: unknown, options: MatchOptions): unknown {
  const parsed = parseInstance(json);
  return engine(() =>
    parsed.kind === 'national'
      ? solveNational(parsed, options)
      : solveAssignmentFile(parsed, options),
  );
}

/** Checks a result document against an instance. */
export function verifyResult(
  instanceJson: unknown,
  resultJson: unknown,
  options: MatchOptions,
): Verdict {
  const parsed = parseInstance(instanceJson);
  return engine(() =>
    parsed.kind === 'national'
      ? verifyNational(parsed, resultJson)
      : verifyAssignmentFile(parsed, resultJson, options),
  );
}

/** Engine refusals of the instance are input errors (exit 2). */
function engine<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MatchingInputError) throw new InputError(error.message);
    throw error;
  }
}

function solveNational(parsed: ParsedNational, options: MatchOptions) {
  const inst = compileNationalInstance(parsed.instance);
  const programOf = deferredAcceptance(inst, options.proposer);
  const verdict = verifyStable(inst, programOf);
  if (!verdict.stable)
    throw new Error(`internal error: the result is not stable: ${verdict.reason}`);
  return {
    matches: matchingToPairs(inst, programOf).map((m) => ({
      applicant: parsed.applicantIds.toJson(m.applicant),
      program: parsed.programIds.toJson(m.program),
    })),
    unmatched: unmatchedApplicants(inst, programOf).map((a) => parsed.applicantIds.toJson(a)),
    stats: nationalStats(inst, programOf),
  };
}

function solveAssignmentFile(parsed: ParsedAssignment, options: MatchOptions) {
  const result = solveAssignment(parsed.instance, options);
  return {
    matches: result.matches.map((m) => ({
      mentee: parsed.menteeIds.toJson(m.mentee),
      mentor: parsed.mentorIds.toJson(m.mentor),
      score: m.score,
    })),
    unmatched: result.unmatched.map((id) => parsed.menteeIds.toJson(id)),
    total: result.total,
  };
}

function verifyNational(parsed: ParsedNational, json: unknown): Verdict {
  const root = asObject(json, 'the result');
  const pairs = asArray(root.matches, 'matches').map((value, k) => {
    const m = asObject(value, `matches[${k}]`);
    return {
      applicant: String(asId(m.applicant, `matches[${k}].applicant`)),
      program: String(asId(m.program, `matches[${k}].program`)),
    };
  });
  const inst = compileNationalInstance(parsed.instance);
  const decoded = pairsToMatching(inst, pairs);
  if (!decoded.ok) return { valid: false, message: decoded.reason };
  const verdict = verifyStable(inst, decoded.programOf);
  if (!verdict.stable) return { valid: false, message: verdict.reason };
  if (root.unmatched !== undefined) {
    const listed = asArray(root.unmatched, 'unmatched').map((id, k) =>
      String(asId(id, `unmatched[${k}]`)),
    );
    const actual = unmatchedApplicants(inst, decoded.programOf);
    if (listed.length !== actual.length || ![...listed].sort().every((id, k) => id === actual[k])) {
      return {
        valid: false,
        message: '"unmatched" does not list exactly the applicants without a match',
      };
    }
  }
  return {
    valid: true,
    message: `stable: ${pairs.length} matches; ${optimality(inst, decoded.programOf)}`,
  };
}

function optimality(inst: CompiledNationalInstance, programOf: NationalMatching): string {
  const same = (other: NationalMatching) => other.every((p, a) => p === programOf[a]);
  const best = same(deferredAcceptance(inst, 'applicants'));
  const worst = same(deferredAcceptance(inst, 'programs'));
  if (best && worst) return 'it is the only stable matching';
  if (best) return 'it is the applicant-optimal stable matching';
  if (worst) return 'it is the program-optimal stable matching';
  return 'it is neither the applicant-optimal nor the program-optimal stable matching';
}

function verifyAssignmentFile(
  parsed: ParsedAssignment,
  json: unknown,
  options: MatchOptions,
): Verdict {
  const root = asObject(json, 'the result');
  const matches = asArray(root.matches, 'matches').map((value, k) => {
    const m = asObject(value, `matches[${k}]`);
    return {
      mentee: String(asId(m.mentee, `matches[${k}].mentee`)),
      mentor: String(asId(m.mentor, `matches[${k}].mentor`)),
      score: asFiniteNumber(m.score, `matches[${k}].score`),
    };
  });
  const c = compileAssignment(parsed.instance, options);
  const decoded = matchesToArcs(c, matches);
  if (!decoded.ok) return { valid: false, message: decoded.reason };
  const verdict = verifyAssignment(c, decoded.arcOf);
  if (!verdict.optimal) return { valid: false, message: verdict.reason };
  if (root.total !== undefined) {
    const total = asFiniteNumber(root.total, 'total');
    if (total !== verdict.total) {
      return {
        valid: false,
        message: `"total" is ${total} but the scores sum to ${verdict.total}`,
      };
    }
  }
  const objective = options.maximizeMatches ? 'most matches, then highest total' : 'highest total';
  return {
    valid: true,
    message: `optimal (${objective}): ${matches.length} matches, total ${verdict.total}`,
  };
}
