import { MatchingInputError } from '../errors';
import { canonicalOrder, indexIds } from '../ids';
import type { AssignmentInstance, AssignmentOptions } from './assignment.types';
import { scaleScores } from './score-scale';

/**
 * An assignment instance in columns: ids plus one entry per allowed pair, as indices into the
 * id arrays. The form to use when pairs come by the million (no object per pair).
 */
export interface AssignmentColumns {
  readonly menteeIds: readonly string[];
  readonly mentorIds: readonly string[];
  readonly capacity: ArrayLike<number>;
  readonly pairMentee: Int32Array;
  readonly pairMentor: Int32Array;
  readonly pairScore: Float64Array;
}

/**
 * An assignment instance in integer form: mentees and mentors numbered in id order, each
 * mentee's allowed pairs sorted by mentor (CSR by mentee), scores as exact integers
 * (`arcScore / scale`).
 */
export interface CompiledAssignment {
  readonly menteeIds: readonly string[];
  readonly mentorIds: readonly string[];
  readonly capacity: Int32Array;
  readonly rowStart: Int32Array;
  readonly arcMentor: Int32Array;
  readonly arcScore: Float64Array;
  readonly scale: number;
  readonly maxAbsScore: number;
  readonly maximizeMatches: boolean;
}

export function compileAssignment(
  input: AssignmentInstance,
  options: AssignmentOptions = {},
): CompiledAssignment {
  const menteeIds = input.mentees.map((m) => m.id);
  const mentorIds = input.mentors.map((m) => m.id);
  const menteeIndex = indexIds(menteeIds, 'mentee');
  const mentorIndex = indexIds(mentorIds, 'mentor');
  const E = input.scores.length;
  const pairMentee = new Int32Array(E);
  const pairMentor = new Int32Array(E);
  const pairScore = new Float64Array(E);
  for (let k = 0; k < E; k++) {
    const s = input.scores[k];
    const i = menteeIndex.get(s.mentee);
    if (i === undefined) {
      throw new MatchingInputError('unknown-id', `score for unknown mentee "${s.mentee}"`);
    }
    const j = mentorIndex.get(s.mentor);
    if (j === undefined) {
      throw new MatchingInputError('unknown-id', `score for unknown mentor "${s.mentor}"`);
    }
    pairMentee[k] = i;
    pairMentor[k] = j;
    pairScore[k] = s.score;
  }
  const capacity = input.mentors.map((m) => m.capacity);
  return compileAssignmentColumns(
    { menteeIds, mentorIds, capacity, pairMentee, pairMentor, pairScore },
    options,
  );
}

export function compileAssignmentColumns(
  input: AssignmentColumns,
  options: AssignmentOptions = {},
): CompiledAssignment {
  const n = input.menteeIds.length;
  const m = input.mentorIds.length;
  const mOrder = canonicalOrder(input.menteeIds);
  const tOrder = canonicalOrder(input.mentorIds);
  const menteeIds = Array.from(mOrder, (i) => input.menteeIds[i]);
  const mentorIds = Array.from(tOrder, (j) => input.mentorIds[j]);
  indexIds(menteeIds, 'mentee');
  indexIds(mentorIds, 'mentor');
  const menteeRank = inverse(mOrder);
  const mentorRank = inverse(tOrder);
  const capacity = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const c = input.capacity[tOrder[j]];
    if (!Number.isInteger(c) || c < 0 || c > 0x7fffffff) {
      throw new MatchingInputError(
        'invalid-capacity',
        `mentor "${mentorIds[j]}" has capacity ${String(c)}; expected an integer from 0 to 2147483647`,
      );
    }
    capacity[j] = c;
  }

  const E = input.pairScore.length;
  const row = new Int32Array(E);
  const col = new Int32Array(E);
  for (let k = 0; k < E; k++) {
    const i = input.pairMentee[k];
    const j = input.pairMentor[k];
    if (!(i >= 0 && i < n))
      throw new MatchingInputError('unknown-id', `pair ${k} has no mentee ${i}`);
    if (!(j >= 0 && j < m))
      throw new MatchingInputError('unknown-id', `pair ${k} has no mentor ${j}`);
    row[k] = menteeRank[i];
    col[k] = mentorRank[j];
  }
  const { scaled, scale, maxAbs } = scaleScores(input.pairScore, options.scoreDecimals);

  // Two stable counting sorts (by mentor, then by mentee): arcs grouped by mentee, mentors ascending.
  const identity = new Int32Array(E);
  for (let k = 0; k < E; k++) identity[k] = k;
  const order = countingSort(countingSort(identity, col, m), row, n);
  const rowStart = new Int32Array(n + 1);
  for (let k = 0; k < E; k++) rowStart[row[k] + 1]++;
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  const arcMentor = new Int32Array(E);
  const arcScore = new Float64Array(E);
  for (let e = 0; e < E; e++) {
    const k = order[e];
    arcMentor[e] = col[k];
    arcScore[e] = scaled[k];
    if (e > rowStart[row[k]] && arcMentor[e - 1] === col[k]) {
      throw new MatchingInputError(
        'duplicate-pair',
        `the pair mentee "${menteeIds[row[k]]}", mentor "${mentorIds[col[k]]}" is scored more than once`,
      );
    }
  }
  return {
    menteeIds,
    mentorIds,
    capacity,
    rowStart,
    arcMentor,
    arcScore,
    scale,
    maxAbsScore: maxAbs,
    maximizeMatches: options.maximizeMatches ?? false,
  };
}

function inverse(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  return rank;
}

/** Stable sort of `items` by `keyOf[item]` in 0..keys-1. */
export function countingSort(items: Int32Array, keyOf: Int32Array, keys: number): Int32Array {
  const start = new Int32Array(keys + 1);
  for (let k = 0; k < items.length; k++) start[keyOf[items[k]] + 1]++;
  for (let x = 0; x < keys; x++) start[x + 1] += start[x];
  const out = new Int32Array(items.length);
  for (let k = 0; k < items.length; k++) out[start[keyOf[items[k]]]++] = items[k];
  return out;
}
