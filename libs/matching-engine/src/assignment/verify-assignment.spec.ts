import fc from 'fast-check';
import { assignmentInstance, bruteForceAssignment } from '../testing/assignment-brute-force';
import type { AssignmentInstance } from './assignment.types';
import { compileAssignment } from './compile-assignment';
import { matchesToArcs, verifyAssignment } from './verify-assignment';

const instance: AssignmentInstance = {
  mentees: [{ id: 'a' }, { id: 'b' }],
  mentors: [
    { id: 'X', capacity: 1 },
    { id: 'Y', capacity: 1 },
  ],
  scores: [
    { mentee: 'a', mentor: 'X', score: 5 },
    { mentee: 'a', mentor: 'Y', score: 4 },
    { mentee: 'b', mentor: 'X', score: 3 },
  ],
};
const c = compileAssignment(instance);
const arcs = (matches: { mentee: string; mentor: string; score: number }[]) => {
  const decoded = matchesToArcs(c, matches);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.arcOf;
};

describe('verifyAssignment', () => {
  it('accepts an optimal assignment and reports its total', () => {
    const arcOf = arcs([
      { mentee: 'a', mentor: 'Y', score: 4 },
      { mentee: 'b', mentor: 'X', score: 3 },
    ]);
    expect(verifyAssignment(c, arcOf)).toEqual({ optimal: true, total: 7 });
  });

  it('names the mentees of an improving exchange', () => {
    expect(verifyAssignment(c, arcs([{ mentee: 'a', mentor: 'X', score: 5 }]))).toEqual({
      optimal: false,
      code: 'not-optimal',
      reason: 'not optimal: reassigning mentees "a", "b" improves the objective',
    });
  });

  it('refuses over-capacity assignments and undecodable matches', () => {
    const over = compileAssignment({
      ...instance,
      mentors: [{ id: 'X', capacity: 0 }, instance.mentors[1]],
    });
    const decoded = matchesToArcs(over, [{ mentee: 'a', mentor: 'X', score: 5 }]);
    expect(decoded.ok && verifyAssignment(over, decoded.arcOf)).toEqual({
      optimal: false,
      code: 'infeasible',
      reason: 'mentor "X" has 1 mentees but capacity 0',
    });
    expect(matchesToArcs(c, [{ mentee: 'b', mentor: 'Y', score: 1 }])).toEqual({
      ok: false,
      reason: 'mentee "b" and mentor "Y" are not an allowed pair',
    });
    expect(matchesToArcs(c, [{ mentee: 'a', mentor: 'X', score: 4 }])).toMatchObject({ ok: false });
    expect(
      matchesToArcs(c, [
        { mentee: 'a', mentor: 'X', score: 5 },
        { mentee: 'a', mentor: 'Y', score: 4 },
      ]),
    ).toEqual({ ok: false, reason: 'mentee "a" is matched more than once' });
  });

  it.each([false, true])(
    'agrees with brute force on arbitrary assignments (maximizeMatches: %s)',
    (maximizeMatches) => {
      const shape = { maxMentees: 5, maxMentors: 3, maxCapacity: 2, minScore: -2, maxScore: 5 };
      fc.assert(
        fc.property(
          assignmentInstance(shape),
          fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
          (input, picks) => {
            const compiled = compileAssignment(input, { maximizeMatches });
            const arcOf = new Int32Array(compiled.menteeIds.length).fill(-1);
            const load = new Int32Array(compiled.mentorIds.length);
            compiled.menteeIds.forEach((_, i) => {
              const options = compiled.rowStart[i + 1] - compiled.rowStart[i];
              const pick = picks[i] % (options + 1);
              if (pick < options) {
                arcOf[i] = compiled.rowStart[i] + pick;
                load[compiled.arcMentor[arcOf[i]]]++;
              }
            });
            const verdict = verifyAssignment(compiled, arcOf);
            if (load.some((l, j) => l > compiled.capacity[j])) {
              expect(verdict).toMatchObject({ optimal: false, code: 'infeasible' });
              return;
            }
            let count = 0;
            let total = 0;
            arcOf.forEach((e) => {
              if (e >= 0) {
                count++;
                total += compiled.arcScore[e];
              }
            });
            const best = bruteForceAssignment(input, maximizeMatches);
            const bestTotal = Math.round(best.total * compiled.scale);
            const isBest = total === bestTotal && (!maximizeMatches || count === best.count);
            expect(verdict.optimal).toBe(isBest);
          },
        ),
        { numRuns: 400 },
      );
    },
  );
});
