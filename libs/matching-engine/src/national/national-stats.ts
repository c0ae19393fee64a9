import type { CompiledNationalInstance, NationalMatching, NationalStats } from './national.types';

/** Counts and rank-achieved distributions of a matching, in one O(total list length) pass. */
export function nationalStats(
  inst: CompiledNationalInstance,
  programOf: NationalMatching,
): NationalStats {
  const nA = inst.applicantIds.length;
  const nP = inst.programIds.length;
  const { applicantStart, applicantList, applicantEntryProgramRank, capacity } = inst;
  const count = new Int32Array(nP);
  const applicantRanks: number[] = [];
  const programRanks: number[] = [];
  let matched = 0;
  let withoutMutual = 0;
  for (let a = 0; a < nA; a++) {
    const p = programOf[a];
    if (p < 0) {
      let mutual = false;
      for (let e = applicantStart[a]; e < applicantStart[a + 1] && !mutual; e++) {
        mutual = applicantEntryProgramRank[e] >= 0 && capacity[applicantList[e]] > 0;
      }
      if (!mutual) withoutMutual++;
      continue;
    }
    matched++;
    count[p]++;
    for (let e = applicantStart[a]; e < applicantStart[a + 1]; e++) {
      if (applicantList[e] !== p) continue;
      bump(applicantRanks, e - applicantStart[a]);
      bump(programRanks, applicantEntryProgramRank[e]);
      break;
    }
  }
  let places = 0;
  let unfilled = 0;
  let notFilled = 0;
  let noMatch = 0;
  for (let p = 0; p < nP; p++) {
    places += capacity[p];
    const free = Math.max(0, capacity[p] - count[p]);
    unfilled += free;
    if (free > 0) notFilled++;
    if (count[p] === 0) noMatch++;
  }
  return {
    applicants: nA,
    programs: nP,
    places,
    matched,
    unmatchedApplicants: nA - matched,
    unmatchedWithoutMutualRank: withoutMutual,
    unfilledPlaces: unfilled,
    programsNotFilled: notFilled,
    programsWithNoMatch: noMatch,
    applicantRankDistribution: applicantRanks,
    programRankDistribution: programRanks,
  };
}

function bump(histogram: number[], index: number): void {
  while (histogram.length <= index) histogram.push(0);
  histogram[index]++;
}
