import fc from 'fast-check';
import { compareIds } from '../ids';
import { solveAssignment } from '../assignment/solve-assignment';
import { solveBoards } from '../boards/solve-boards';
import { isPairAllowed } from '../scoring/pair-constraints';
import { scorePair } from '../scoring/score-pair';
import type { PairScore } from '../scoring/explanation.types';
import type { ScoringParticipant, ScoringProgram } from '../scoring/scoring.types';
import { ROLES, populationArb } from '../testing/scoring-arbitrary';
import { WINTER, mentee, mentor, peer, program } from '../testing/scoring-fixtures';
import { compileCandidatePool } from './candidate-pool';
import { boardInstance, cohortInstance } from './cohort-scores';
import { recommendMentees, recommendMentors, topCandidates } from './recommend';
import { EXCLUDED, scoreCandidates } from './score-candidates';
import { topKIndices } from '../assignment/prune-candidates';
import type { MentorshipRole } from '@medmentor/domain';

/** Every allowed pair scored one by one, sorted by score then id: the definition of top-k. */
function bruteForce(
  people: readonly ScoringParticipant[],
  query: ScoringParticipant,
  direction: 'mentors' | 'mentees',
  role: MentorshipRole,
  prog: ScoringProgram,
  at: Date,
  k: number,
  excludeIds: ReadonlySet<string>,
): PairScore[] {
  const candidate = (p: ScoringParticipant) => p.physician.id;
  return people
    .filter((p) => !excludeIds.has(candidate(p)))
    .map((p) =>
      direction === 'mentors'
        ? { mentee: query, mentor: p, role }
        : { mentee: p, mentor: query, role },
    )
    .filter((pair) => isPairAllowed(pair, prog))
    .map((pair) => ({ pair, other: direction === 'mentors' ? pair.mentor : pair.mentee }))
    .map(({ pair, other }) => ({ id: candidate(other), result: scorePair(pair, prog, { at }) }))
    .sort((a, b) => b.result.score - a.result.score || compareIds(a.id, b.id))
    .slice(0, k)
    .map((x) => x.result);
}

describe('recommendations', () => {
  const at = { at: WINTER };
  const a = mentee('a', { specialty: 'neurology', languages: ['en'] });
  const pool = compileCandidatePool(
    [
      mentor('m3', { specialty: 'psychiatry' }),
      mentor('m1', { specialty: 'neurology' }),
      mentor('m2', { specialty: 'neurology' }),
      mentor('m4', { specialty: 'neurology', takingBreak: true }),
      mentor('m5', {
        specialty: 'neurology',
        reportingLine: { supervisorIds: [], evaluatorIds: ['a'] },
      }),
      mentee('x', { specialty: 'neurology' }),
    ],
    program({ weights: { ...program().weights, availability: 0 } }),
    at,
  );

  it('returns the best allowed mentors with explanations, ties to the lower id', () => {
    const top = recommendMentors(pool, a, { role: 'clinical', k: 3 });
    expect(top.map((r) => [r.mentor, r.score])).toEqual([
      ['m1', top[0].score],
      ['m2', top[0].score],
      ['m3', top[2].score],
    ]);
    expect(top[0].score).toBeGreaterThan(top[2].score);
    expect(top[0].factors[0].detail).toEqual({
      factor: 'specialty',
      kind: 'same-specialty',
      mentor: 'neurology',
    });
  });

  it('applies excludeIds and never returns an excluded pair', () => {
    const top = recommendMentors(pool, a, { role: 'clinical', k: 10, excludeIds: new Set(['m1']) });
    expect(top.map((r) => r.mentor)).toEqual(['m2', 'm3']);
  });

  it('returns nothing when the query itself may not take the role', () => {
    expect(
      recommendMentors(pool, mentee('b', { takingBreak: true }), { role: 'clinical', k: 5 }),
    ).toEqual([]);
    expect(recommendMentors(pool, a, { role: 'peer', k: 5 })).toEqual([]);
  });

  it('refuses a k that is not a non-negative integer', () => {
    expect(() => recommendMentors(pool, a, { role: 'clinical', k: -1 })).toThrow('k must be');
  });

  it('recommends mentees for a mentor, and peers for a peer', () => {
    const m = mentor('t', { specialty: 'neurology' });
    const menteePool = compileCandidatePool(
      [a, mentee('b', { specialty: 'dermatology' }), peer('p')],
      program(),
      at,
    );
    expect(
      recommendMentees(menteePool, m, { role: 'clinical', k: 5 }).map((r) => r.mentee),
    ).toEqual(['a', 'b']);
    expect(
      recommendMentees(menteePool, peer('q'), { role: 'peer', k: 5 }).map((r) => r.mentee),
    ).toEqual(['p', 'a', 'b']); // the peer first: same stage, same specialty
  });

  it.each(['mentors', 'mentees'] as const)('equals a brute-force sort (%s)', (direction) => {
    fc.assert(
      fc.property(
        populationArb(1, 9),
        fc.constantFrom(...ROLES),
        fc.integer({ min: 0, max: 10 }),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 2 }),
        ({ people, program: prog, at: instant }, role, k, which, excluded) => {
          const query = people[which % people.length];
          const excludeIds = new Set(excluded.map((x) => people[x % people.length].physician.id));
          const p = compileCandidatePool(people, prog, { at: instant });
          const options = { role, k, excludeIds };
          const got =
            direction === 'mentors'
              ? recommendMentors(p, query, options)
              : recommendMentees(p, query, options);
          expect(got).toEqual(
            bruteForce(people, query, direction, role, prog, instant, k, excludeIds),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('prunes with the heap floor without changing the top k (larger pools, small k)', () => {
    fc.assert(
      fc.property(
        populationArb(25, 40),
        fc.constantFrom(...ROLES),
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        ({ people, program: prog, at: instant }, role, k, which) => {
          const query = people[which % people.length];
          const p = compileCandidatePool(people, prog, { at: instant });
          const scores = scoreCandidates(p, query, { role, direction: 'mentors' });
          const expected = [...topKIndices(scores, k)]
            .filter((i) => scores[i] !== EXCLUDED)
            .map((index) => ({ index, score: scores[index] }));
          expect(topCandidates(p, query, 'mentors', { role, k })).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order of the pool', () => {
    fc.assert(
      fc.property(
        populationArb(2, 8),
        fc.constantFrom(...ROLES),
        ({ people, program: prog, at: instant }, role) => {
          const forward = compileCandidatePool(people, prog, { at: instant });
          const backward = compileCandidatePool([...people].reverse(), prog, { at: instant });
          for (const q of people) {
            const options = { role, k: 3 };
            expect(JSON.stringify(recommendMentors(backward, q, options))).toBe(
              JSON.stringify(recommendMentors(forward, q, options)),
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses duplicate ids in a pool', () => {
    expect(() => compileCandidatePool([a, a], program(), at)).toThrow('appears more than once');
  });
});

describe('batch scoring for the solvers', () => {
  const at = { at: WINTER };
  const prog = program({ rolesOffered: ['clinical', 'peer'] });
  const mentees = [
    mentee('a', { specialty: 'neurology' }),
    mentee('b', { specialty: 'psychiatry' }),
    mentee('c', {}, { roles: ['peer'] }),
  ];
  const pool = compileCandidatePool(
    [
      mentor('n', { specialty: 'neurology', capacityLeft: 5 }, { capacityLeft: 1 }),
      mentor('p', { specialty: 'psychiatry', capacityLeft: 1 }),
      mentor('z', { takingBreak: true }),
      peer('q'),
    ],
    prog,
    at,
  );

  it('builds the assignment instance: places left as capacity, allowed pairs with their scores', () => {
    const inst = cohortInstance(mentees, pool, 'clinical');
    expect(inst.mentees).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(inst.mentors).toEqual([
      { id: 'n', capacity: 1 },
      { id: 'p', capacity: 1 },
    ]);
    expect(inst.scores.map((s) => `${s.mentee}-${s.mentor}`)).toEqual(['a-n', 'a-p', 'b-p', 'b-n']);
    for (const s of inst.scores) {
      const pair = {
        mentee: mentees.find((m) => m.physician.id === s.mentee)!,
        mentor: pool.participants[pool.indexOf.get(s.mentor)!],
        role: 'clinical' as const,
      };
      expect(s.score).toBe(scorePair(pair, prog, at).score);
    }
    expect(solveAssignment(inst).matches.map((m) => `${m.mentee}-${m.mentor}`)).toEqual([
      'a-n',
      'b-p',
    ]);
    expect(
      cohortInstance(mentees, pool, 'clinical', { topK: 1 }).scores.map(
        (s) => `${s.mentee}-${s.mentor}`,
      ),
    ).toEqual(['a-n', 'b-p']);
  });

  it('builds the board instance over the offered roles', () => {
    const inst = boardInstance(mentees, pool);
    expect(inst.roles).toEqual(['clinical', 'peer']);
    expect(inst.mentors.map((m) => m.id)).toEqual(['n', 'p', 'q']);
    expect(inst.mentors.find((m) => m.id === 'q')?.capacity).toBe(3);
    expect(
      inst.scores.filter((s) => s.role === 'peer').map((s) => `${s.mentee}-${s.mentor}`),
    ).toEqual(['a-q', 'b-q', 'c-q']);
    const seats = solveBoards(inst).seats;
    expect(seats.filter((s) => s.role === 'peer')).toHaveLength(3);
  });
});
