import { rankedSide, rankListIssues, type RankedEnrollment } from './rank-list-rules';

const enrollment = (id: string, overrides: Partial<RankedEnrollment> = {}): RankedEnrollment => ({
  id,
  programId: 'prog',
  physicianId: `doc-${id}`,
  side: 'mentor',
  status: 'active',
  ...overrides,
});

const found = new Map<string, RankedEnrollment>(
  [
    enrollment('m1'),
    enrollment('m2'),
    enrollment('m3', { status: 'withdrawn' }),
    enrollment('m4', { programId: 'other' }),
    enrollment('e1', { side: 'mentee' }),
    enrollment('m5', { physicianId: 'doc-excluded' }),
  ].map((e) => [e.id, e]),
);

const mentee = {
  id: 'me',
  programId: 'prog',
  side: 'mentee' as const,
  exclusions: ['doc-excluded'],
};

describe('rank lists', () => {
  it('pairs the sides: mentees rank mentors and mentors rank mentees', () => {
    expect(rankedSide('mentee')).toBe('mentor');
    expect(rankedSide('mentor')).toBe('mentee');
  });

  it('accepts active enrollments of the other side in the same program, and an empty list', () => {
    expect(rankListIssues(mentee, ['m2', 'm1'], found)).toEqual([]);
    expect(rankListIssues(mentee, [], found)).toEqual([]);
  });

  it('names every entry that cannot be ranked, by position', () => {
    expect(rankListIssues(mentee, ['m1', 'm1', 'm3', 'm4', 'e1', 'unknown', 'm5'], found)).toEqual([
      { field: 'ranks[1]', message: 'is listed more than once' },
      { field: 'ranks[2]', message: 'is withdrawn' },
      { field: 'ranks[3]', message: 'is not an enrollment of this program' },
      { field: 'ranks[4]', message: 'is a mentee enrollment; a mentee ranks mentors' },
      { field: 'ranks[5]', message: 'is not an enrollment of this program' },
      { field: 'ranks[6]', message: 'is the enrollment of a physician you excluded' },
    ]);
  });

  it('lets a mentor rank mentees only', () => {
    const mentor = { id: 'm9', programId: 'prog', side: 'mentor' as const, exclusions: [] };
    expect(rankListIssues(mentor, ['e1'], found)).toEqual([]);
    expect(rankListIssues(mentor, ['m1'], found)).toEqual([
      { field: 'ranks[0]', message: 'is a mentor enrollment; a mentor ranks mentees' },
    ]);
  });
});
