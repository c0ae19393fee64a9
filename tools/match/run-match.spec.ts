import { InputError } from './input-error';
import type { MatchOptions } from './match-args';
import { solveInstance, verifyResult } from './run-match';

const options: MatchOptions = {
  proposer: 'applicants',
  maximizeMatches: false,
  scoreDecimals: undefined,
};

const national = {
  applicants: [
    { id: 'a', ranks: ['X', 'Y'] },
    { id: 'b', ranks: ['Y', 'X'] },
  ],
  programs: [
    { id: 'X', capacity: 1, ranks: ['b', 'a'] },
    { id: 'Y', capacity: 1, ranks: ['a', 'b'] },
  ],
};

const assignment = {
  mentees: [{ id: 1 }, { id: 2 }],
  mentors: [{ id: 'X', capacity: 1 }],
  scores: [
    { mentee: 1, mentor: 'X', score: 2 },
    { mentee: 2, mentor: 'X', score: 3 },
  ],
};

describe('solveInstance', () => {
  it('solves a national instance into the documented shape', () => {
    expect(solveInstance(national, options)).toMatchObject({
      matches: [
        { applicant: 'a', program: 'X' },
        { applicant: 'b', program: 'Y' },
      ],
      unmatched: [],
      stats: { matched: 2, applicantRankDistribution: [2] },
    });
    expect(solveInstance(national, { ...options, proposer: 'programs' })).toMatchObject({
      matches: [
        { applicant: 'a', program: 'Y' },
        { applicant: 'b', program: 'X' },
      ],
    });
  });

  it('solves an assignment, echoing integer ids as integers', () => {
    expect(solveInstance(assignment, options)).toEqual({
      matches: [{ mentee: 2, mentor: 'X', score: 3 }],
      unmatched: [1],
      total: 3,
    });
  });

  it('reports instances the engine refuses as input errors', () => {
    const bad = {
      ...national,
      programs: [...national.programs, { id: 'X', capacity: 1, ranks: [] }],
    };
    expect(() => solveInstance(bad, options)).toThrow(
      new InputError('program id "X" appears more than once'),
    );
  });
});

describe('verifyResult', () => {
  it('accepts results and says which stable matching it is', () => {
    const best = solveInstance(national, options);
    expect(verifyResult(national, best, options)).toEqual({
      valid: true,
      message: 'stable: 2 matches; it is the applicant-optimal stable matching',
    });
    const worst = solveInstance(national, { ...options, proposer: 'programs' });
    expect(verifyResult(national, worst, options).message).toContain('program-optimal');
    expect(verifyResult(assignment, solveInstance(assignment, options), options)).toEqual({
      valid: true,
      message: 'optimal (highest total): 1 matches, total 3',
    });
  });

  it('gives the reason when a result is not valid', () => {
    expect(
      verifyResult(national, { matches: [{ applicant: 'a', program: 'Y' }] }, options),
    ).toEqual({
      valid: false,
      message:
        'blocking pair: applicant "a" prefers program "X" to its match, and program "X" has a free place',
    });
    expect(
      verifyResult(national, { matches: [{ applicant: 'z', program: 'X' }] }, options),
    ).toEqual({
      valid: false,
      message: 'unknown applicant "z" in the matching',
    });
    const listed = { ...(solveInstance(national, options) as object), unmatched: ['a'] };
    expect(verifyResult(national, listed, options).valid).toBe(false);
    expect(
      verifyResult(assignment, { matches: [{ mentee: 1, mentor: 'X', score: 2 }] }, options),
    ).toEqual({
      valid: false,
      message: 'not optimal: reassigning mentees "1", "2" improves the objective',
    });
    expect(
      verifyResult(
        assignment,
        { matches: [{ mentee: 2, mentor: 'X', score: 3 }], total: 4 },
        options,
      ),
    ).toEqual({
      valid: false,
      message: '"total" is 4 but the scores sum to 3',
    });
  });

  it('refuses malformed result files', () => {
    expect(() => verifyResult(national, { matches: 'none' }, options)).toThrow(
      new InputError('matches must be an array'),
    );
  });
});
