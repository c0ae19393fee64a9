import { MatchingInputError } from '../errors';
import { canonicalOrder, indexIds } from '../ids';
import type { AssignmentInstance, AssignmentOptions } from './assignment.types';
import { scaleScores } from './score-scale';
import type { TransportProblem } from './transport-problem';

/**
 * An assignment instance in integer form: mentees and mentors numbered in id order, each
 * mentee's allowed pairs sorted by mentor, scores as exact integers (`scaled / scale`).
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
  const mOrder = canonicalOrder(input.mentees.map((m) => m.id));
  const tOrder = canonicalOrder(input.mentors.map((m) => m.id));
  const menteeIds = Array.from(mOrder, (i) => input.mentees[i].id);
  const mentorIds = Array.from(tOrder, (i) => input.mentors[i].id);
  const menteeIndex = indexIds(menteeIds, 'mentee');
  const mentorIndex = indexIds(mentorIds, 'mentor');
  const capacity = new Int32Array(mentorIds.length);
  for (let j = 0; j < mentorIds.length; j++) {
    const c = input.mentors[tOrder[j]].capacity;
    if (!Number.isInteger(c) || c < 0 || c > 0x7fffffff) {
      throw new MatchingInputError(
        'invalid-capacity',
        `mentor "${mentorIds[j]}" has capacity ${String(c)}; expected an integer from 0 to 2147483647`,
      );
    }
    capacity[j] = c;
  }

  const scores = input.scores;
  const E = scores.length;
  const row = new Int32Array(E);
  const col = new Int32Array(E);
  for (let k = 0; k < E; k++) {
    const s = scores[k];
    const i = menteeIndex.get(s.mentee);
    if (i === undefined)
      throw new MatchingInputError('unknown-id', `score for unknown mentee "${s.mentee}"`);
    const j = mentorIndex.get(s.mentor);
    if (j === undefined)
      throw new MatchingInputError('unknown-id', `score for unknown mentor "${s.mentor}"`);
    row[k] = i;
    col[k] = j;
  }
  const { scaled, scale, maxAbs } = scaleScores(
    Float64Array.from(scores, (s) => s.score),
    options.scoreDecimals,
  );

  // Two stable counting sorts (by mentor, then by mentee): arcs grouped by mentee, mentors ascending.
  const byCol = countingSort(
    Int32Array.from({ length: E }, (_, k) => k),
    col,
    mentorIds.length,
  );
  const order = countingSort(byCol, row, menteeIds.length);
  const rowStart = new Int32Array(menteeIds.length + 1);
  for (let k = 0; k < E; k++) rowStart[row[k] + 1]++;
  for (let i = 0; i < menteeIds.length; i++) rowStart[i + 1] += rowStart[i];
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

function countingSort(items: Int32Array, keyOf: Int32Array, keys: number): Int32Array {
  const start = new Int32Array(keys + 1);
  for (let k = 0; k < items.length; k++) start[keyOf[items[k]] + 1]++;
  for (let x = 0; x < keys; x++) start[x + 1] += start[x];
  const out = new Int32Array(items.length);
  for (let k = 0; k < items.length; k++) out[start[keyOf[items[k]]]++] = items[k];
  return out;
}

/**
 * The costs the solver minimises. With `maximizeMatches` every pair also earns a bonus M larger
 * than any possible difference in total score, so one more match always outweighs any score.
 */
export function toTransportProblem(c: CompiledAssignment): TransportProblem {
  let places = 0;
  for (let j = 0; j < c.capacity.length; j++) places += c.capacity[j];
  const k = Math.min(c.menteeIds.length, places);
  const C = Math.max(1, c.maxAbsScore);
  if (k * C > Number.MAX_SAFE_INTEGER) {
    throw new MatchingInputError(
      'score-precision',
      'total score would exceed 2^53 at this precision',
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
  const arcCost = new Float64Array(c.arcScore.length);
  for (let e = 0; e < arcCost.length; e++) arcCost[e] = -c.arcScore[e] - bonus || 0;
  return {
    rows: c.menteeIds.length,
    cols: c.mentorIds.length,
    rowStart: c.rowStart,
    arcCol: c.arcMentor,
    arcCost,
    capacity: c.capacity,
  };
}
