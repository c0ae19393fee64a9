import fc from 'fast-check';
import { MatchingInputError } from '../errors';
import { boardInstance, bruteForceBoards } from '../testing/board-brute-force';
import type { BoardInstance } from './board.types';
import { solveBoards } from './solve-boards';

describe('solveBoards', () => {
  const instance: BoardInstance = {
    roles: ['clinical', 'career'],
    mentees: [{ id: 'a' }, { id: 'b' }],
    mentors: [
      { id: 'X', capacity: 2 },
      { id: 'Y', capacity: 1 },
    ],
    scores: [
      { mentee: 'a', mentor: 'X', role: 'clinical', score: 9 },
      { mentee: 'a', mentor: 'X', role: 'career', score: 8 },
      { mentee: 'a', mentor: 'Y', role: 'career', score: 5 },
      { mentee: 'b', mentor: 'X', role: 'career', score: 7 },
      { mentee: 'b', mentor: 'Y', role: 'clinical', score: 1 },
    ],
  };

  it('never seats one mentor twice on a board and shares capacity across roles', () => {
    expect(solveBoards(instance)).toEqual({
      seats: [
        { mentee: 'a', role: 'career', mentor: 'Y', score: 5 },
        { mentee: 'a', role: 'clinical', mentor: 'X', score: 9 },
        { mentee: 'b', role: 'career', mentor: 'X', score: 7 },
      ],
      empty: [{ mentee: 'b', role: 'clinical' }],
      total: 21,
    });
  });

  it('refuses unknown roles and repeated triples', () => {
    const unknown = {
      ...instance,
      scores: [{ mentee: 'a', mentor: 'X', role: 'wellness', score: 1 }],
    };
    expect(() => solveBoards(unknown)).toThrow(MatchingInputError);
    const repeated = { ...instance, scores: [...instance.scores, instance.scores[0]] };
    expect(() => solveBoards(repeated)).toThrow('is scored more than once');
  });

  it.each([false, true])(
    'is optimal against brute force (maximizeMatches: %s)',
    (maximizeMatches) => {
      fc.assert(
        fc.property(boardInstance({ mentees: 3, mentors: 3, roles: 2 }), (input) => {
          const result = solveBoards(input, { maximizeMatches });
          const best = bruteForceBoards(input, maximizeMatches);
          expect(Math.round(result.total * 100)).toBe(Math.round(best.total * 100));
          if (maximizeMatches) expect(result.seats.length).toBe(best.seats);
          for (const m of input.mentees) {
            const mentors = result.seats.filter((s) => s.mentee === m.id).map((s) => s.mentor);
            expect(new Set(mentors).size).toBe(mentors.length);
          }
          for (const t of input.mentors) {
            expect(result.seats.filter((s) => s.mentor === t.id).length).toBeLessThanOrEqual(
              t.capacity,
            );
          }
        }),
        { numRuns: 200 },
      );
    },
  );

  it('gives the same bytes whatever the order of the input arrays', () => {
    fc.assert(
      fc.property(
        boardInstance({ mentees: 5, mentors: 4, roles: 3 }).chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc
              .tuple(
                fc.shuffledSubarray([...input.roles], { minLength: input.roles.length }),
                fc.shuffledSubarray([...input.mentees], { minLength: input.mentees.length }),
                fc.shuffledSubarray([...input.mentors], { minLength: input.mentors.length }),
                fc.shuffledSubarray([...input.scores], { minLength: input.scores.length }),
              )
              .map(([roles, mentees, mentors, scores]) => ({ roles, mentees, mentors, scores })),
          ),
        ),
        ([input, shuffled]) => {
          expect(JSON.stringify(solveBoards(shuffled))).toBe(JSON.stringify(solveBoards(input)));
        },
      ),
      { numRuns: 100 },
    );
  });
});
