import { MatchingInputError } from '../errors';
import { compileNationalInstance } from './compile-national';
import type { NationalInstance } from './national.types';

const codeOf = (input: NationalInstance): string => {
  try {
    compileNationalInstance(input);
    return 'none';
  } catch (error) {
    return error instanceof MatchingInputError ? `${error.code}: ${error.message}` : 'other';
  }
};

describe('compileNationalInstance', () => {
  it('numbers both sides in id order and records the rank each side gives back', () => {
    const inst = compileNationalInstance({
      applicants: [
        { id: 'b', ranks: ['Y', 'X'] },
        { id: 'a', ranks: ['X'] },
      ],
      programs: [
        { id: 'Y', capacity: 1, ranks: ['a'] },
        { id: 'X', capacity: 2, ranks: ['b', 'a'] },
      ],
    });
    expect(inst.applicantIds).toEqual(['a', 'b']);
    expect(inst.programIds).toEqual(['X', 'Y']);
    expect(Array.from(inst.capacity)).toEqual([2, 1]);
    expect(Array.from(inst.applicantStart)).toEqual([0, 1, 3]);
    expect(Array.from(inst.applicantList)).toEqual([0, 1, 0]);
    // a ranks X; X ranks a second. b ranks Y (Y does not rank b), then X (X ranks b first).
    expect(Array.from(inst.applicantEntryProgramRank)).toEqual([1, -1, 0]);
    expect(Array.from(inst.programList)).toEqual([1, 0, 0]);
    // X ranks b (b ranks X second), a (a ranks X first); Y ranks a, whom a did not rank.
    expect(Array.from(inst.programEntryApplicantRank)).toEqual([1, 0, -1]);
  });

  it('refuses duplicate ids, unknown ids, repeated ranks and bad capacities', () => {
    expect(
      codeOf({
        applicants: [
          { id: 'a', ranks: [] },
          { id: 'a', ranks: [] },
        ],
        programs: [],
      }),
    ).toBe('duplicate-id: applicant id "a" appears more than once');
    expect(codeOf({ applicants: [{ id: 'a', ranks: ['Z'] }], programs: [] })).toBe(
      'unknown-id: applicant "a" ranks unknown program "Z"',
    );
    expect(
      codeOf({
        applicants: [{ id: 'a', ranks: [] }],
        programs: [{ id: 'X', capacity: 1, ranks: ['a', 'a'] }],
      }),
    ).toBe('duplicate-rank: program "X" ranks applicant "a" more than once');
    for (const capacity of [-1, 1.5, Number.NaN]) {
      expect(codeOf({ applicants: [], programs: [{ id: 'X', capacity, ranks: [] }] })).toMatch(
        /^invalid-capacity/,
      );
    }
  });
});
