import fc from 'fast-check';
import { nationalInstance } from '../testing/national-arbitrary';
import { isStableByDefinition } from '../testing/national-brute-force';
import { compileNationalInstance } from './compile-national';
import { deferredAcceptance } from './deferred-acceptance';
import { pairsToMatching } from './national-matching';
import type { NationalPair } from './national-matching';
import type { NationalInstance } from './national.types';
import { verifyStable } from './verify-stable';

const instance: NationalInstance = {
  applicants: [
    { id: 'a', ranks: ['X', 'Y'] },
    { id: 'b', ranks: ['X'] },
    { id: 'c', ranks: ['Y'] },
  ],
  programs: [
    { id: 'X', capacity: 1, ranks: ['a', 'b'] },
    { id: 'Y', capacity: 1, ranks: ['a'] },
  ],
};
const inst = compileNationalInstance(instance);
const verdictOf = (pairs: NationalPair[]) => {
  const decoded = pairsToMatching(inst, pairs);
  if (!decoded.ok) throw new Error(decoded.reason);
  return verifyStable(inst, decoded.programOf);
};

describe('verifyStable', () => {
  it('accepts the stable matching', () => {
    expect(verdictOf([{ applicant: 'a', program: 'X' }])).toEqual({ stable: true });
  });

  it('names the blocking pair', () => {
    expect(verdictOf([{ applicant: 'b', program: 'X' }])).toEqual({
      stable: false,
      code: 'blocking-pair',
      reason:
        'blocking pair: applicant "a" prefers program "X" to its match, and program "X" ranks it 1, above its worst match (ranked 2)',
    });
    expect(verdictOf([])).toMatchObject({
      code: 'blocking-pair',
      reason: expect.stringContaining('has a free place'),
    });
  });

  it('refuses pairs that are not mutually ranked, and overfull programs', () => {
    expect(verdictOf([{ applicant: 'c', program: 'Y' }])).toMatchObject({
      code: 'not-mutually-ranked',
      reason: 'applicant "c" is matched to program "Y", which did not rank it',
    });
    expect(verdictOf([{ applicant: 'b', program: 'Y' }])).toMatchObject({
      code: 'not-mutually-ranked',
      reason: 'applicant "b" is matched to program "Y", which it did not rank',
    });
    expect(
      verdictOf([
        { applicant: 'a', program: 'X' },
        { applicant: 'b', program: 'X' },
      ]),
    ).toMatchObject({
      code: 'over-capacity',
      reason: 'program "X" holds 2 applicants but has 1 places',
    });
  });

  it('refuses program numbers outside the instance and matchings of the wrong length', () => {
    expect(verifyStable(inst, Int32Array.of(5, -1, -1))).toMatchObject({ code: 'invalid-program' });
    expect(verifyStable(inst, Int32Array.of(0))).toMatchObject({ code: 'invalid-program' });
  });

  it('rejects a matching from which one matched applicant is removed', () => {
    fc.assert(
      fc.property(
        nationalInstance({ maxApplicants: 20, maxPrograms: 8, maxCapacity: 3 }),
        fc.nat(),
        (input, pick) => {
          const compiled = compileNationalInstance(input);
          const programOf = deferredAcceptance(compiled);
          const matched = [...programOf.keys()].filter((a) => programOf[a] >= 0);
          fc.pre(matched.length > 0);
          programOf[matched[pick % matched.length]] = -1;
          // The removed applicant and its former program now block.
          expect(verifyStable(compiled, programOf)).toMatchObject({
            stable: false,
            code: 'blocking-pair',
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('agrees with the definition on perturbed matchings', () => {
    const moves = fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1, max: 9 })), { maxLength: 4 });
    fc.assert(
      fc.property(
        nationalInstance({ maxApplicants: 8, maxPrograms: 5, maxCapacity: 2 }),
        moves,
        (input, changes) => {
          const compiled = compileNationalInstance(input);
          const programOf = deferredAcceptance(compiled);
          const nP = compiled.programIds.length;
          for (const [a, p] of changes) {
            if (programOf.length > 0)
              programOf[a % programOf.length] = p < 0 || nP === 0 ? -1 : p % nP;
          }
          const byIds = new Map<string, string>();
          programOf.forEach((p, a) => {
            if (p >= 0) byIds.set(compiled.applicantIds[a], compiled.programIds[p]);
          });
          expect(verifyStable(compiled, programOf).stable).toBe(isStableByDefinition(input, byIds));
        },
      ),
      { numRuns: 400 },
    );
  });
});
