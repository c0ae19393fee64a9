import type {
  CompiledNationalInstance,
  NationalMatching,
  StabilityVerdict,
} from './national.types';

/**
 * Proves a matching stable, or names why it is not: every pair mutually ranked, no program over
 * capacity, and no blocking pair (an applicant and a program, each ranking the other, where the
 * applicant prefers the program to its match or is unmatched, and the program has a free place
 * or prefers the applicant to someone it holds). O(total list length). Deliberately independent
 * of the solver: it only reads the instance.
 */
export function verifyStable(
  inst: CompiledNationalInstance,
  programOf: NationalMatching,
): StabilityVerdict {
  const nA = inst.applicantIds.length;
  const nP = inst.programIds.length;
  const { applicantStart, applicantList, applicantEntryProgramRank, capacity } = inst;
  const a$ = (a: number) => `applicant "${inst.applicantIds[a]}"`;
  const p$ = (p: number) => `program "${inst.programIds[p]}"`;
  if (programOf.length !== nA) {
    return fail('invalid-program', `the matching covers ${programOf.length} of ${nA} applicants`);
  }

  const count = new Int32Array(nP);
  const worst = new Int32Array(nP).fill(-1);
  // matchedEnd[a]: end of the part of a's list a prefers to its match (the whole list if unmatched).
  const matchedEnd = applicantStart.slice(1);
  for (let a = 0; a < nA; a++) {
    const p = programOf[a];
    if (p === -1) continue;
    if (!Number.isInteger(p) || p < 0 || p >= nP) {
      return fail(
        'invalid-program',
        `${a$(a)} is matched to program number ${p}, which does not exist`,
      );
    }
    let e = applicantStart[a];
    while (e < applicantStart[a + 1] && applicantList[e] !== p) e++;
    if (e === applicantStart[a + 1]) {
      return fail('not-mutually-ranked', `${a$(a)} is matched to ${p$(p)}, which it did not rank`);
    }
    const r = applicantEntryProgramRank[e];
    if (r < 0) {
      return fail('not-mutually-ranked', `${a$(a)} is matched to ${p$(p)}, which did not rank it`);
    }
    matchedEnd[a] = e;
    count[p]++;
    if (r > worst[p]) worst[p] = r;
  }
  for (let p = 0; p < nP; p++) {
    if (count[p] > capacity[p]) {
      return fail(
        'over-capacity',
        `${p$(p)} holds ${count[p]} applicants but has ${capacity[p]} places`,
      );
    }
  }
  for (let a = 0; a < nA; a++) {
    for (let e = applicantStart[a]; e < matchedEnd[a]; e++) {
      const r = applicantEntryProgramRank[e];
      if (r < 0) continue;
      const p = applicantList[e];
      if (count[p] < capacity[p]) {
        return fail(
          'blocking-pair',
          `blocking pair: ${a$(a)} prefers ${p$(p)} to its match, and ${p$(p)} has a free place`,
        );
      }
      if (r < worst[p]) {
        return fail(
          'blocking-pair',
          `blocking pair: ${a$(a)} prefers ${p$(p)} to its match, and ${p$(p)} ranks it ` +
            `${r + 1}, above its worst match (ranked ${worst[p] + 1})`,
        );
      }
    }
  }
  return { stable: true };
}

function fail(
  code: Exclude<StabilityVerdict, { stable: true }>['code'],
  reason: string,
): StabilityVerdict {
  return { stable: false, code, reason };
}
