import { MatchingInputError } from '../errors';
import { canonicalOrder, indexIds } from '../ids';
import type { CompiledNationalInstance, NationalInstance } from './national.types';

const MAX_CAPACITY = 0x7fffffff;

interface RankLists {
  readonly start: Int32Array;
  readonly list: Int32Array;
}

/**
 * Validates an instance and turns it into integer form in O(total list length): ids sorted
 * canonically, lists in CSR arrays, and for every list entry the rank the other side gives
 * back (or -1), so the solver and the verifier never look anything up by id or by search.
 */
export function compileNationalInstance(input: NationalInstance): CompiledNationalInstance {
  const applicants = input.applicants;
  const programs = input.programs;
  const aOrder = canonicalOrder(applicants.map((a) => a.id));
  const pOrder = canonicalOrder(programs.map((p) => p.id));
  const applicantIds = Array.from(aOrder, (i) => applicants[i].id);
  const programIds = Array.from(pOrder, (i) => programs[i].id);
  const applicantIndex = indexIds(applicantIds, 'applicant');
  const programIndex = indexIds(programIds, 'program');

  const capacity = new Int32Array(programIds.length);
  for (let p = 0; p < programIds.length; p++) {
    const c = programs[pOrder[p]].capacity;
    if (!Number.isInteger(c) || c < 0 || c > MAX_CAPACITY) {
      throw new MatchingInputError(
        'invalid-capacity',
        `program "${programIds[p]}" has capacity ${String(c)}; expected an integer from 0 to ${MAX_CAPACITY}`,
      );
    }
    capacity[p] = c;
  }

  const aLists = buildLists(
    Array.from(aOrder, (i) => applicants[i].ranks),
    applicantIds,
    programIndex,
    'applicant',
    'program',
  );
  const pLists = buildLists(
    Array.from(pOrder, (i) => programs[i].ranks),
    programIds,
    applicantIndex,
    'program',
    'applicant',
  );
  const ranks = crossRanks(aLists, pLists, applicantIds.length, programIds.length);
  return {
    applicantIds,
    programIds,
    capacity,
    applicantStart: aLists.start,
    applicantList: aLists.list,
    applicantEntryProgramRank: ranks.applicantEntryProgramRank,
    programStart: pLists.start,
    programList: pLists.list,
    programEntryApplicantRank: ranks.programEntryApplicantRank,
  };
}

function buildLists(
  ranks: readonly (readonly string[])[],
  ownerIds: readonly string[],
  targetIndex: ReadonlyMap<string, number>,
  owner: string,
  target: string,
): RankLists {
  const start = new Int32Array(ranks.length + 1);
  for (let i = 0; i < ranks.length; i++) start[i + 1] = start[i] + ranks[i].length;
  const list = new Int32Array(start[ranks.length]);
  // seen[t] === i + 1 while reading list i: catches a target ranked twice without clearing.
  const seen = new Int32Array(targetIndex.size);
  for (let i = 0; i < ranks.length; i++) {
    const own = ranks[i];
    const base = start[i];
    for (let k = 0; k < own.length; k++) {
      const t = targetIndex.get(own[k]);
      if (t === undefined) {
        throw new MatchingInputError(
          'unknown-id',
          `${owner} "${ownerIds[i]}" ranks unknown ${target} "${own[k]}"`,
        );
      }
      if (seen[t] === i + 1) {
        throw new MatchingInputError(
          'duplicate-rank',
          `${owner} "${ownerIds[i]}" ranks ${target} "${own[k]}" more than once`,
        );
      }
      seen[t] = i + 1;
      list[base + k] = t;
    }
  }
  return { start, list };
}

/** For each entry on either side, the rank the other side gives back (or -1): one pass per program. */
function crossRanks(a: RankLists, p: RankLists, nApplicants: number, nPrograms: number) {
  const applicantEntryProgramRank = new Int32Array(a.list.length).fill(-1);
  const programEntryApplicantRank = new Int32Array(p.list.length).fill(-1);
  // Entries of the applicants' lists grouped by program (counting sort).
  const inStart = new Int32Array(nPrograms + 1);
  for (let e = 0; e < a.list.length; e++) inStart[a.list[e] + 1]++;
  for (let q = 0; q < nPrograms; q++) inStart[q + 1] += inStart[q];
  const inEntry = new Int32Array(a.list.length);
  const inOwner = new Int32Array(a.list.length);
  const fill = inStart.slice(0, nPrograms);
  for (let x = 0; x < nApplicants; x++) {
    for (let e = a.start[x]; e < a.start[x + 1]; e++) {
      const slot = fill[a.list[e]]++;
      inEntry[slot] = e;
      inOwner[slot] = x;
    }
  }
  const stamp = new Int32Array(nApplicants).fill(-1);
  const entryOf = new Int32Array(nApplicants);
  for (let q = 0; q < nPrograms; q++) {
    for (let s = inStart[q]; s < inStart[q + 1]; s++) {
      stamp[inOwner[s]] = q;
      entryOf[inOwner[s]] = inEntry[s];
    }
    const base = p.start[q];
    for (let r = 0; r < p.start[q + 1] - base; r++) {
      const x = p.list[base + r];
      if (stamp[x] !== q) continue;
      const e = entryOf[x];
      applicantEntryProgramRank[e] = r;
      programEntryApplicantRank[base + r] = e - a.start[x];
    }
  }
  return { applicantEntryProgramRank, programEntryApplicantRank };
}
