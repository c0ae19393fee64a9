import { MatchingInputError } from '../errors';
import type { CompiledAssignment } from './compile-assignment';
import { countingSort } from './compile-assignment';
import type { TransportProblem } from './transport-problem';

/**
 * Which side the solver inserts one unit at a time. Searches are short when they start from the
 * scarce side (a free partner on the other side is always near), so: `mentees` when there are
 * at least as many usable places as mentees, else `places` (every place of every mentor is a
 * row, mentees are columns of capacity 1: the capacity-expanded matrix, transposed).
 */
export type Orientation = 'mentees' | 'places';

export interface AssignmentProblem {
  readonly orientation: Orientation;
  readonly problem: TransportProblem;
  /** Per problem arc: the arc of the compiled instance. */
  readonly originalArc: Int32Array;
}

/** Mentor places that can actually be used: capacity, but at most the mentor's number of pairs. */
export function usablePlaces(c: CompiledAssignment): Int32Array {
  const places = new Int32Array(c.mentorIds.length);
  for (let e = 0; e < c.arcMentor.length; e++) places[c.arcMentor[e]]++;
  for (let j = 0; j < places.length; j++) places[j] = Math.min(places[j], c.capacity[j]);
  return places;
}

export function chooseOrientation(c: CompiledAssignment): Orientation {
  let total = 0;
  for (const p of usablePlaces(c)) total += p;
  return total < c.menteeIds.length ? 'places' : 'mentees';
}

/**
 * Costs to minimise: minus the score; with `maximizeMatches` every pair also earns a bonus M
 * larger than any possible difference in total score, so one more match outweighs any score.
 */
export function arcCosts(c: CompiledAssignment): Float64Array {
  let places = 0;
  for (const p of usablePlaces(c)) places += p;
  const k = Math.min(c.menteeIds.length, places);
  const C = Math.max(1, c.maxAbsScore);
  if (k * C > Number.MAX_SAFE_INTEGER) {
    throw new MatchingInputError(
      'score-precision',
      'the total score would exceed 2^53 at this precision',
    );
  }
  let bonus = 0;
  if (c.maximizeMatches) {
    bonus = 2 * k * C + 1;
    if (8 * (bonus + C) > Number.MAX_SAFE_INTEGER) {
      throw new MatchingInputError(
        'score-precision',
        'scores are too precise for maximizeMatches at this size; round them (option scoreDecimals)',
      );
    }
  }
  const cost = new Float64Array(c.arcScore.length);
  for (let e = 0; e < cost.length; e++) cost[e] = -c.arcScore[e] - bonus || 0;
  return cost;
}

export function buildAssignmentProblem(
  c: CompiledAssignment,
  orientation: Orientation,
): AssignmentProblem {
  const cost = arcCosts(c);
  const n = c.menteeIds.length;
  const m = c.mentorIds.length;
  const E = c.arcMentor.length;
  if (orientation === 'mentees') {
    const originalArc = new Int32Array(E);
    for (let e = 0; e < E; e++) originalArc[e] = e;
    const problem: TransportProblem = {
      rows: n,
      cols: m,
      rowBegin: c.rowStart.subarray(0, n),
      rowEnd: c.rowStart.subarray(1),
      arcCol: c.arcMentor,
      arcCost: cost,
      capacity: c.capacity,
    };
    return { orientation, problem, originalArc };
  }
  // Arcs grouped by mentor (mentees ascending, since compiled arcs are grouped by mentee).
  const identity = new Int32Array(E);
  for (let e = 0; e < E; e++) identity[e] = e;
  const originalArc = countingSort(identity, c.arcMentor, m);
  const mentee = new Int32Array(E);
  for (let i = 0; i < n; i++) for (let e = c.rowStart[i]; e < c.rowStart[i + 1]; e++) mentee[e] = i;
  const arcCol = new Int32Array(E);
  const arcCost = new Float64Array(E);
  for (let t = 0; t < E; t++) {
    arcCol[t] = mentee[originalArc[t]];
    arcCost[t] = cost[originalArc[t]];
  }
  const mentorStart = new Int32Array(m + 1);
  for (let e = 0; e < E; e++) mentorStart[c.arcMentor[e] + 1]++;
  for (let j = 0; j < m; j++) mentorStart[j + 1] += mentorStart[j];
  const places = usablePlaces(c);
  let rows = 0;
  for (const p of places) rows += p;
  const rowBegin = new Int32Array(rows);
  const rowEnd = new Int32Array(rows);
  for (let j = 0, r = 0; j < m; j++) {
    for (let k = 0; k < places[j]; k++, r++) {
      rowBegin[r] = mentorStart[j];
      rowEnd[r] = mentorStart[j + 1];
    }
  }
  const problem: TransportProblem = {
    rows,
    cols: n,
    rowBegin,
    rowEnd,
    arcCol,
    arcCost,
    capacity: new Int32Array(n).fill(1),
  };
  return { orientation, problem, originalArc };
}
