import { InputError } from './input-error';
import { parseInstance } from './instance-parsing';

describe('parseInstance', () => {
  it('reads a national instance, keeping how ids were written', () => {
    const parsed = parseInstance({
      applicants: [{ id: 7, ranks: ['X'], note: 'ignored' }],
      programs: [{ id: 'X', capacity: 1, ranks: [7] }],
    });
    expect(parsed.kind).toBe('national');
    if (parsed.kind !== 'national') return;
    expect(parsed.instance).toEqual({
      applicants: [{ id: '7', ranks: ['X'] }],
      programs: [{ id: 'X', capacity: 1, ranks: ['7'] }],
    });
    expect(parsed.applicantIds.toJson('7')).toBe(7);
    expect(parsed.programIds.toJson('X')).toBe('X');
  });

  it('reads an assignment instance', () => {
    const parsed = parseInstance({
      mentees: [{ id: 'a' }],
      mentors: [{ id: 'X', capacity: 2 }],
      scores: [{ mentee: 'a', mentor: 'X', score: 0.5 }],
    });
    expect(parsed).toMatchObject({
      kind: 'assignment',
      instance: {
        mentees: [{ id: 'a' }],
        mentors: [{ id: 'X', capacity: 2 }],
        scores: [{ mentee: 'a', mentor: 'X', score: 0.5 }],
      },
    });
  });

  it.each([
    [[], 'the instance must be an object'],
    [
      { people: [] },
      'the instance has neither "applicants"/"programs" (national) nor "mentees"/"mentors"/"scores" (assignment)',
    ],
    [{ applicants: {}, programs: [] }, 'applicants must be an array'],
    [
      { applicants: [{ id: '', ranks: [] }], programs: [] },
      'applicants[0].id must be a non-empty string or an integer id',
    ],
    [{ applicants: [{ id: 'a' }], programs: [] }, 'applicants[0].ranks must be an array'],
    [
      { applicants: [], programs: [{ id: 'X', capacity: -1, ranks: [] }] },
      'programs[0].capacity must be a non-negative integer',
    ],
    [
      {
        applicants: [
          { id: 1, ranks: [] },
          { id: '1', ranks: [] },
        ],
        programs: [],
      },
      'applicants[1].id: applicant id 1 is written both as a number and as a string',
    ],
    [
      {
        mentees: [{ id: 'a' }],
        mentors: [],
        scores: [{ mentee: 'a', mentor: 'X', score: 'high' }],
      },
      'scores[0].score must be a finite number',
    ],
    [
      { mentees: [], mentors: [{ id: 'X' }], scores: [] },
      'mentors[0].capacity must be a non-negative integer',
    ],
  ])('refuses %j', (json, message) => {
    expect(() => parseInstance(json)).toThrow(new InputError(message));
  });
});
