import { topKIndices } from '@medmentor/matching-engine';
import type { AssignmentColumns } from '@medmentor/matching-engine';
import { Prng, WeightedSampler } from './prng';

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(String(n).length, '0')}`);

/** Every mentee scored against every mentor: integer scores 0-1000, capacities 1-5. */
export function denseInstance(mentees: number, mentors: number, seed: number): AssignmentColumns {
  const rng = new Prng(seed);
  const capacity = Array.from({ length: mentors }, () => rng.int(1, 5));
  const E = mentees * mentors;
  const pairMentee = new Int32Array(E);
  const pairMentor = new Int32Array(E);
  const pairScore = new Float64Array(E);
  for (let i = 0, k = 0; i < mentees; i++) {
    for (let j = 0; j < mentors; j++, k++) {
      pairMentee[k] = i;
      pairMentor[k] = j;
      pairScore[k] = rng.int(0, 1000);
    }
  }
  return {
    menteeIds: ids('e', mentees),
    mentorIds: ids('m', mentors),
    capacity,
    pairMentee,
    pairMentor,
    pairScore,
  };
}

export interface CandidateShape {
  readonly mentees: number;
  readonly mentors: number;
  /** Mentors scored per mentee (drawn by popularity) before pruning. */
  readonly scored: number;
  /** Candidates kept per mentee. */
  readonly topK: number;
  readonly maxCapacity: number;
  readonly seed: number;
}

/**
 * A large cohort: each mentee is scored against `scored` mentors drawn with a log-normal
 * popularity skew (score = shared mentor quality + pair fit, integers), then pruned to its top-k
 * with `topKIndices`. Returns the candidate graph and the time spent pruning.
 */
export function candidateInstance(shape: CandidateShape): {
  columns: AssignmentColumns;
  pruneMs: number;
} {
  const rng = new Prng(shape.seed);
  const capacity = Array.from({ length: shape.mentors }, () => rng.int(1, shape.maxCapacity));
  const popularity = new WeightedSampler(
    Float64Array.from({ length: shape.mentors }, () => Math.exp(rng.normal())),
  );
  const quality = Float64Array.from({ length: shape.mentors }, () => rng.normal());
  const E = shape.mentees * shape.topK;
  const pairMentee = new Int32Array(E);
  const pairMentor = new Int32Array(E);
  const pairScore = new Float64Array(E);
  const candidate = new Int32Array(shape.scored);
  const score = new Float64Array(shape.scored);
  const seen = new Int32Array(shape.mentors).fill(-1);
  let pruneMs = 0;
  let k = 0;
  for (let i = 0; i < shape.mentees; i++) {
    for (let c = 0; c < shape.scored;) {
      const j = popularity.draw(rng);
      if (seen[j] === i) continue;
      seen[j] = i;
      candidate[c] = j;
      score[c++] = Math.round(500 + 200 * quality[j] + 300 * rng.normal());
    }
    const start = performance.now();
    const top = topKIndices(score, shape.topK);
    pruneMs += performance.now() - start;
    for (const x of top) {
      pairMentee[k] = i;
      pairMentor[k] = candidate[x];
      pairScore[k++] = score[x];
    }
  }
  return {
    columns: {
      menteeIds: ids('e', shape.mentees),
      mentorIds: ids('m', shape.mentors),
      capacity,
      pairMentee,
      pairMentor,
      pairScore,
    },
    pruneMs,
  };
}
