import fc from 'fast-check';
import {
  allStableMatchings,
  applicantRankOf,
  isStableByDefinition,
} from '../testing/national-brute-force';
import type { IdMatching } from '../testing/national-brute-force';
import { nationalInstance, shuffledInstance } from '../testing/national-arbitrary';
import { compileNationalInstance } from './compile-national';
import { deferredAcceptance } from './deferred-acceptance';
import { matchNational } from './match-national';
import { verifyStable } from './verify-stable';
import type { NationalInstance, Proposer } from './national.types';

const solve = (input: NationalInstance, proposer: Proposer = 'applicants'): IdMatching => {
  const inst = compileNationalInstance(input);
  const programOf = deferredAcceptance(inst, proposer);
  const m = new Map<string, string>();
  programOf.forEach((p, a) => {
    if (p >= 0) m.set(inst.applicantIds[a], inst.programIds[p]);
  });
  return m;
};

describe('deferredAcceptance', () => {
  // Two applicants who each prefer the program that prefers the other: the two stable
  // matchings are the applicants' favourite and the programs' favourite.
  const crossed: NationalInstance = {
    applicants: [
      { id: 'a', ranks: ['X', 'Y'] },
      { id: 'b', ranks: ['Y', 'X'] },
    ],
    programs: [
      { id: 'X', capacity: 1, ranks: ['b', 'a'] },
      { id: 'Y', capacity: 1, ranks: ['a', 'b'] },
    ],
  };

  it('gives each side its optimal stable matching when it proposes', () => {
    expect([...solve(crossed, 'applicants')]).toEqual([
      ['a', 'X'],
      ['b', 'Y'],
    ]);
    expect([...solve(crossed, 'programs')]).toEqual([
      ['a', 'Y'],
      ['b', 'X'],
    ]);
  });

  it('fills capacities in the program order and matches only mutually ranked pairs', () => {
    const m = solve({
      applicants: [
        { id: 'a', ranks: ['X'] },
        { id: 'b', ranks: ['X'] },
        { id: 'c', ranks: ['X', 'Z'] },
        { id: 'd', ranks: ['Z'] },
      ],
      programs: [
        { id: 'X', capacity: 2, ranks: ['c', 'b', 'a'] },
        { id: 'Z', capacity: 3, ranks: ['a', 'c'] },
      ],
    });
    expect([...m]).toEqual([
      ['b', 'X'],
      ['c', 'X'],
    ]);
  });

  it('leaves programs with no places empty', () => {
    const m = solve({
      applicants: [{ id: 'a', ranks: ['X', 'Y'] }],
      programs: [
        { id: 'X', capacity: 0, ranks: ['a'] },
        { id: 'Y', capacity: 1, ranks: ['a'] },
      ],
    });
    expect([...m]).toEqual([['a', 'Y']]);
  });

  it.each<Proposer>(['applicants', 'programs'])(
    'is stable with capacities held (%s propose)',
    (proposer) => {
      fc.assert(
        fc.property(
          nationalInstance({ maxApplicants: 25, maxPrograms: 10, maxCapacity: 4 }),
          (input) => {
            const inst = compileNationalInstance(input);
            const programOf = deferredAcceptance(inst, proposer);
            expect(verifyStable(inst, programOf)).toEqual({ stable: true });
            expect(isStableByDefinition(input, solve(input, proposer))).toBe(true);
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  it('is applicant-optimal (and programs proposing applicant-pessimal) against every stable matching', () => {
    fc.assert(
      fc.property(
        nationalInstance({ maxApplicants: 5, maxPrograms: 5, maxCapacity: 2 }),
        (input) => {
          const all = allStableMatchings(input);
          const best = solve(input, 'applicants');
          const worst = solve(input, 'programs');
          expect(all.some((m) => sameMatching(m, best))).toBe(true);
          expect(all.some((m) => sameMatching(m, worst))).toBe(true);
          for (const m of all) {
            for (const a of input.applicants) {
              expect(applicantRankOf(input, best, a.id)).toBeLessThanOrEqual(
                applicantRankOf(input, m, a.id),
              );
              expect(applicantRankOf(input, worst, a.id)).toBeGreaterThanOrEqual(
                applicantRankOf(input, m, a.id),
              );
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives byte-identical output for the same instance, whatever the order of its arrays', () => {
    fc.assert(
      fc.property(
        nationalInstance({ maxApplicants: 20, maxPrograms: 8, maxCapacity: 3 }).chain((input) =>
          fc.tuple(fc.constant(input), shuffledInstance(input)),
        ),
        fc.constantFrom<Proposer>('applicants', 'programs'),
        ([input, shuffled], proposer) => {
          const once = JSON.stringify(matchNational(input, { proposer }));
          expect(JSON.stringify(matchNational(input, { proposer }))).toBe(once);
          expect(JSON.stringify(matchNational(shuffled, { proposer }))).toBe(once);
        },
      ),
      { numRuns: 100 },
    );
  });
});

function sameMatching(x: IdMatching, y: IdMatching): boolean {
  return x.size === y.size && [...x].every(([a, p]) => y.get(a) === p);
}
