import fc from 'fast-check';
import type { AssignmentInstance } from '../assignment/assignment.types';

export interface BestAssignment {
  readonly count: number;
  readonly total: number;
}

/**
 * The best (total, or count then total) over every feasible assignment, by enumeration. Totals
 * are compared in hundredths so decimal scores compare exactly.
 */
export function bruteForceAssignment(
  inst: AssignmentInstance,
  maximizeMatches: boolean,
): BestAssignment {
  const load = new Map<string, number>();
  const capacity = new Map(inst.mentors.map((m) => [m.id, m.capacity]));
  let best: BestAssignment = { count: 0, total: 0 };
  const better = (a: BestAssignment, b: BestAssignment) =>
    maximizeMatches
      ? a.count > b.count || (a.count === b.count && a.total > b.total)
      : a.total > b.total;
  const visit = (i: number, count: number, total: number): void => {
    if (i === inst.mentees.length) {
      const candidate = { count, total };
      if (better(candidate, best)) best = candidate;
      return;
    }
    visit(i + 1, count, total);
    for (const s of inst.scores) {
      if (s.mentee !== inst.mentees[i].id) continue;
      const used = load.get(s.mentor) ?? 0;
      if (used >= (capacity.get(s.mentor) ?? 0)) continue;
      load.set(s.mentor, used + 1);
      visit(i + 1, count + 1, total + Math.round(s.score * 100));
      load.set(s.mentor, used);
    }
  };
  visit(0, 0, 0);
  return { count: best.count, total: best.total / 100 };
}

export interface AssignmentShape {
  readonly maxMentees: number;
  readonly maxMentors: number;
  readonly maxCapacity: number;
  /** Scores are drawn in hundredths from this range (ties on purpose). */
  readonly minScore: number;
  readonly maxScore: number;
}

export const assignmentInstance = (shape: AssignmentShape): fc.Arbitrary<AssignmentInstance> =>
  fc
    .tuple(
      fc.integer({ min: 0, max: shape.maxMentees }),
      fc.integer({ min: 0, max: shape.maxMentors }),
    )
    .chain(([n, m]) => {
      const menteeIds = Array.from({ length: n }, (_, i) => `e${i}`);
      const mentorIds = Array.from({ length: m }, (_, j) => `r${j}`);
      const pairs = menteeIds.flatMap((mentee) => mentorIds.map((mentor) => ({ mentee, mentor })));
      const score = fc
        .oneof(
          fc.integer({ min: shape.minScore, max: shape.maxScore }),
          fc.integer({ min: shape.minScore * 100, max: shape.maxScore * 100 }).map((x) => x / 100),
        )
        .map((x) => x || 0);
      return fc.record({
        mentees: fc.constant(menteeIds.map((id) => ({ id }))),
        mentors: fc.tuple(
          ...mentorIds.map((id) =>
            fc.integer({ min: 0, max: shape.maxCapacity }).map((capacity) => ({ id, capacity })),
          ),
        ),
        scores: fc
          .subarray(pairs)
          .chain((chosen) =>
            fc.tuple(...chosen.map((p) => score.map((s) => ({ ...p, score: s })))),
          ),
      });
    });

export const shuffledAssignment = (inst: AssignmentInstance): fc.Arbitrary<AssignmentInstance> =>
  fc
    .tuple(
      fc.shuffledSubarray([...inst.mentees], { minLength: inst.mentees.length }),
      fc.shuffledSubarray([...inst.mentors], { minLength: inst.mentors.length }),
      fc.shuffledSubarray([...inst.scores], { minLength: inst.scores.length }),
    )
    .map(([mentees, mentors, scores]) => ({ mentees, mentors, scores }));
