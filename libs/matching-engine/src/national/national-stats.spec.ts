import { compileNationalInstance } from './compile-national';
import { deferredAcceptance } from './deferred-acceptance';
import { matchNational } from './match-national';
import { nationalStats } from './national-stats';

describe('nationalStats', () => {
  it('counts matches, free places and the ranks each side achieved', () => {
    const result = matchNational({
      applicants: [
        { id: 'a', ranks: ['X', 'Y'] },
        { id: 'b', ranks: ['X', 'Y'] },
        { id: 'c', ranks: ['Y'] },
        { id: 'd', ranks: ['Z'] },
        { id: 'e', ranks: [] },
      ],
      programs: [
        { id: 'X', capacity: 1, ranks: ['b', 'a'] },
        { id: 'Y', capacity: 3, ranks: ['c', 'a'] },
        { id: 'Z', capacity: 2, ranks: [] },
      ],
    });
    expect(result.matches).toEqual([
      { applicant: 'a', program: 'Y' },
      { applicant: 'b', program: 'X' },
      { applicant: 'c', program: 'Y' },
    ]);
    expect(result.unmatched).toEqual(['d', 'e']);
    expect(result.stats).toEqual({
      applicants: 5,
      programs: 3,
      places: 6,
      matched: 3,
      unmatchedApplicants: 2,
      unmatchedWithoutMutualRank: 2,
      unfilledPlaces: 3,
      programsNotFilled: 2,
      programsWithNoMatch: 1,
      applicantRankDistribution: [2, 1],
      programRankDistribution: [2, 1],
    });
  });

  it('is all zeros for an empty instance', () => {
    const inst = compileNationalInstance({ applicants: [], programs: [] });
    expect(nationalStats(inst, deferredAcceptance(inst))).toMatchObject({ matched: 0, places: 0 });
  });
});
