import fc from 'fast-check';
import { MatchingInputError } from '../errors';
import {
  assignmentInstance,
  bruteForceAssignment,
  shuffledAssignment,
} from '../testing/assignment-brute-force';
import type { AssignmentInstance } from './assignment.types';
import { compileAssignment } from './compile-assignment';
import {
  assignmentResult,
  checkAssignmentCertificate,
  solveAssignment,
  solveCompiledAssignment,
} from './solve-assignment';
import { verifyAssignment } from './verify-assignment';

const small = { maxMentees: 5, maxMentors: 4, maxCapacity: 3, minScore: -3, maxScore: 9 };

describe('solveAssignment', () => {
  const instance: AssignmentInstance = {
    mentees: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    mentors: [
      { id: 'X', capacity: 1 },
      { id: 'Y', capacity: 1 },
    ],
    scores: [
      { mentee: 'a', mentor: 'X', score: 10 },
      { mentee: 'a', mentor: 'Y', score: 9 },
      { mentee: 'b', mentor: 'X', score: 8 },
      { mentee: 'c', mentor: 'Y', score: 1 },
    ],
  };

  it('maximises the total score, not greedily', () => {
    // Greedy would give a X (10) and c Y (1) = 11; the optimum is a Y + b X = 17.
    expect(solveAssignment(instance)).toEqual({
      matches: [
        { mentee: 'a', mentor: 'Y', score: 9 },
        { mentee: 'b', mentor: 'X', score: 8 },
      ],
      unmatched: ['c'],
      total: 17,
    });
  });

  it('can first maximise the number of matches', () => {
    const withNegative: AssignmentInstance = {
      ...instance,
      mentors: [
        { id: 'X', capacity: 1 },
        { id: 'Y', capacity: 2 },
      ],
      scores: [...instance.scores.slice(0, 3), { mentee: 'c', mentor: 'Y', score: -1 }],
    };
    expect(solveAssignment(withNegative).total).toBe(17);
    expect(solveAssignment(withNegative, { maximizeMatches: true })).toEqual({
      matches: [
        { mentee: 'a', mentor: 'Y', score: 9 },
        { mentee: 'b', mentor: 'X', score: 8 },
        { mentee: 'c', mentor: 'Y', score: -1 },
      ],
      unmatched: [],
      total: 16,
    });
  });

  it('keeps decimal scores exact and refuses scores it cannot represent', () => {
    const decimals: AssignmentInstance = {
      mentees: [{ id: 'a' }, { id: 'b' }],
      mentors: [{ id: 'X', capacity: 2 }],
      scores: [
        { mentee: 'a', mentor: 'X', score: 0.1 },
        { mentee: 'b', mentor: 'X', score: 0.2 },
      ],
    };
    expect(solveAssignment(decimals).total).toBe(0.3);
    const precise = { ...decimals, scores: [{ mentee: 'a', mentor: 'X', score: 0.1 + 0.2 }] };
    expect(() => solveAssignment(precise)).toThrow(MatchingInputError);
    expect(solveAssignment(precise, { scoreDecimals: 4 }).total).toBe(0.3);
  });

  it('refuses duplicate pairs and unknown ids', () => {
    const dup = {
      ...instance,
      scores: [...instance.scores, { mentee: 'a', mentor: 'X', score: 1 }],
    };
    expect(() => solveAssignment(dup)).toThrow(
      'the pair mentee "a", mentor "X" is scored more than once',
    );
    const unknown = { ...instance, scores: [{ mentee: 'z', mentor: 'X', score: 1 }] };
    expect(() => solveAssignment(unknown)).toThrow('score for unknown mentee "z"');
  });

  it.each([false, true])(
    'is optimal against brute force, in both orientations (maximizeMatches: %s)',
    (maximizeMatches) => {
      fc.assert(
        fc.property(assignmentInstance(small), (input) => {
          const c = compileAssignment(input, { maximizeMatches });
          const best = bruteForceAssignment(input, maximizeMatches);
          for (const orientation of ['mentees', 'places'] as const) {
            const solution = solveCompiledAssignment(c, orientation);
            expect(checkAssignmentCertificate(c, solution)).toEqual({ ok: true });
            expect(verifyAssignment(c, solution.arcOf)).toMatchObject({ optimal: true });
            const result = assignmentResult(c, solution.arcOf);
            expect(Math.round(result.total * 100)).toBe(Math.round(best.total * 100));
            if (maximizeMatches) expect(result.matches.length).toBe(best.count);
          }
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each([false, true])(
    'holds its certificate on larger instances, in both orientations (maximizeMatches: %s)',
    (maximizeMatches) => {
      const larger = { maxMentees: 40, maxMentors: 12, maxCapacity: 4, minScore: -2, maxScore: 6 };
      fc.assert(
        fc.property(assignmentInstance(larger), (input) => {
          const c = compileAssignment(input, { maximizeMatches });
          const totals = (['mentees', 'places'] as const).map((orientation) => {
            const solution = solveCompiledAssignment(c, orientation);
            expect(checkAssignmentCertificate(c, solution)).toEqual({ ok: true });
            expect(verifyAssignment(c, solution.arcOf)).toMatchObject({ optimal: true });
            return assignmentResult(c, solution.arcOf).total;
          });
          expect(totals[0]).toBe(totals[1]);
        }),
        { numRuns: 60 },
      );
    },
  );

  it('fails the certificate check when the solution or its duals are tampered with', () => {
    const c = compileAssignment(instance);
    const solution = solveCompiledAssignment(c, 'mentees');
    const moved = Int32Array.from(solution.transport.arcOf);
    moved[0] = moved[0] === 0 ? 1 : 0; // mentee a switches mentor
    const tampered = { ...solution, transport: { ...solution.transport, arcOf: moved } };
    expect(checkAssignmentCertificate(c, tampered)).toMatchObject({ ok: false });
    const duals = Float64Array.from(solution.transport.colDual, (x) => x + 1);
    const loose = { ...solution, transport: { ...solution.transport, colDual: duals } };
    expect(checkAssignmentCertificate(c, loose)).toMatchObject({ ok: false });
    const relabelled = { ...solution, arcOf: Int32Array.from(solution.arcOf).reverse() };
    expect(checkAssignmentCertificate(c, relabelled)).toMatchObject({ ok: false });
  });

  it('gives byte-identical output for the same instance, whatever the order of its arrays', () => {
    fc.assert(
      fc.property(
        assignmentInstance({
          ...small,
          maxMentees: 12,
          maxMentors: 6,
          minScore: 0,
          maxScore: 3,
        }).chain((input) => fc.tuple(fc.constant(input), shuffledAssignment(input))),
        fc.boolean(),
        ([input, shuffled], maximizeMatches) => {
          const once = JSON.stringify(solveAssignment(input, { maximizeMatches }));
          expect(JSON.stringify(solveAssignment(input, { maximizeMatches }))).toBe(once);
          expect(JSON.stringify(solveAssignment(shuffled, { maximizeMatches }))).toBe(once);
        },
      ),
      { numRuns: 150 },
    );
  });
});
