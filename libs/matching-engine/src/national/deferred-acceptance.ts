import type { CompiledNationalInstance, NationalMatching, Proposer } from './national.types';

/**
 * Deferred acceptance (Gale–Shapley with capacities). The proposing side gets its optimal
 * stable matching, which is unique, so the result does not depend on the order proposals are
 * processed in. O(total list length) time; typed arrays only.
 */
export function deferredAcceptance(
  instance: CompiledNationalInstance,
  proposer: Proposer = 'applicants',
): NationalMatching {
  return proposer === 'applicants' ? applicantsPropose(instance) : programsPropose(instance);
}

function applicantsPropose(inst: CompiledNationalInstance): NationalMatching {
  const nA = inst.applicantIds.length;
  const { capacity, applicantStart, applicantList, applicantEntryProgramRank } = inst;
  const { programStart, programList } = inst;
  const programOf = new Int32Array(nA).fill(-1);
  const next = applicantStart.slice(0, nA);
  // held[programStart[p] + r] = 1 while p tentatively holds its r-th ranked applicant.
  const held = new Uint8Array(programList.length);
  const count = new Int32Array(capacity.length);
  const worst = new Int32Array(capacity.length).fill(-1);
  const free = new Int32Array(nA);
  let top = 0;
  for (let a = nA - 1; a >= 0; a--) free[top++] = a;

  while (top > 0) {
    const a = free[--top];
    const end = applicantStart[a + 1];
    while (next[a] < end) {
      const e = next[a]++;
      const r = applicantEntryProgramRank[e];
      if (r < 0) continue; // the program does not rank a: not a possible pair
      const p = applicantList[e];
      const base = programStart[p];
      if (count[p] < capacity[p]) {
        held[base + r] = 1;
        count[p]++;
        if (r > worst[p]) worst[p] = r;
        programOf[a] = p;
        break;
      }
      const w = worst[p];
      if (r < w) {
        // Full and a is preferred to the worst held applicant: that one is displaced.
        const displaced = programList[base + w];
        held[base + w] = 0;
        programOf[displaced] = -1;
        free[top++] = displaced;
        held[base + r] = 1;
        programOf[a] = p;
        // Once full, the worst held rank only improves: the scan below is amortised O(list).
        let k = w - 1;
        while (held[base + k] === 0) k--;
        worst[p] = k;
        break;
      }
    }
  }
  return programOf;
}

function programsPropose(inst: CompiledNationalInstance): NationalMatching {
  const nA = inst.applicantIds.length;
  const nP = inst.programIds.length;
  const { capacity, programStart, programList, programEntryApplicantRank } = inst;
  const programOf = new Int32Array(nA).fill(-1);
  const heldRank = new Int32Array(nA).fill(0x7fffffff);
  const next = programStart.slice(0, nP);
  const count = new Int32Array(nP);
  const queued = new Uint8Array(nP);
  const queue = new Int32Array(nP);
  let top = 0;
  for (let p = nP - 1; p >= 0; p--) {
    queue[top++] = p;
    queued[p] = 1;
  }

  while (top > 0) {
    const p = queue[--top];
    queued[p] = 0;
    const end = programStart[p + 1];
    while (count[p] < capacity[p] && next[p] < end) {
      const idx = next[p]++;
      const k = programEntryApplicantRank[idx];
      if (k < 0) continue; // the applicant does not rank p
      const a = programList[idx];
      if (k >= heldRank[a]) continue; // a holds a program it prefers
      const previous = programOf[a];
      programOf[a] = p;
      heldRank[a] = k;
      count[p]++;
      if (previous >= 0) {
        count[previous]--;
        if (queued[previous] === 0) {
          queued[previous] = 1;
          queue[top++] = previous;
        }
      }
    }
  }
  return programOf;
}
