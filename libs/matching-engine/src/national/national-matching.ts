import type { CompiledNationalInstance, NationalMatching } from './national.types';

export interface NationalPair {
  readonly applicant: string;
  readonly program: string;
}

/** Matched pairs in applicant-id order (the canonical order of the compiled instance). */
export function matchingToPairs(
  inst: CompiledNationalInstance,
  programOf: NationalMatching,
): NationalPair[] {
  const pairs: NationalPair[] = [];
  for (let a = 0; a < programOf.length; a++) {
    const p = programOf[a];
    if (p >= 0) pairs.push({ applicant: inst.applicantIds[a], program: inst.programIds[p] });
  }
  return pairs;
}

/** Unmatched applicant ids, in id order. */
export function unmatchedApplicants(
  inst: CompiledNationalInstance,
  programOf: NationalMatching,
): string[] {
  const ids: string[] = [];
  for (let a = 0; a < programOf.length; a++) if (programOf[a] < 0) ids.push(inst.applicantIds[a]);
  return ids;
}

export type PairsDecoding =
  | { readonly ok: true; readonly programOf: NationalMatching }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads a matching given by ids (for example a result file) into integer form, refusing ids the
 * instance does not know and applicants listed twice. Whether the pairs are acceptable is the
 * verifier's question, not this one's.
 */
export function pairsToMatching(
  inst: CompiledNationalInstance,
  pairs: readonly NationalPair[],
): PairsDecoding {
  const applicantIndex = new Map(inst.applicantIds.map((id, i) => [id, i]));
  const programIndex = new Map(inst.programIds.map((id, i) => [id, i]));
  const programOf = new Int32Array(inst.applicantIds.length).fill(-1);
  for (const pair of pairs) {
    const a = applicantIndex.get(pair.applicant);
    if (a === undefined)
      return { ok: false, reason: `unknown applicant "${pair.applicant}" in the matching` };
    const p = programIndex.get(pair.program);
    if (p === undefined)
      return { ok: false, reason: `unknown program "${pair.program}" in the matching` };
    if (programOf[a] !== -1)
      return { ok: false, reason: `applicant "${pair.applicant}" is matched more than once` };
    programOf[a] = p;
  }
  return { ok: true, programOf };
}
