import { cycleIssues, missingCycleDates } from './program-cycle';

const d = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('program cycle', () => {
  it('accepts dates in order, equal deadlines included', () => {
    expect(
      cycleIssues(
        {
          enrollmentOpensAt: d(1),
          enrollmentClosesAt: d(10),
          rankListsDueAt: d(10),
          matchDate: d(10),
        },
        'national-ranked',
      ),
    ).toEqual([]);
  });

  it('names the later date of each pair out of order', () => {
    expect(cycleIssues({ enrollmentOpensAt: d(5), enrollmentClosesAt: d(5) }, 'cohort')).toEqual([
      { field: 'cycle.enrollmentClosesAt', message: 'must be after enrollmentOpensAt' },
    ]);
    expect(
      cycleIssues(
        {
          enrollmentOpensAt: d(1),
          enrollmentClosesAt: d(10),
          rankListsDueAt: d(9),
          matchDate: d(8),
        },
        'national-ranked',
      ),
    ).toEqual([
      { field: 'cycle.rankListsDueAt', message: 'must be on or after enrollmentClosesAt' },
      { field: 'cycle.matchDate', message: 'must be on or after enrollmentClosesAt' },
      { field: 'cycle.matchDate', message: 'must be on or after rankListsDueAt' },
    ]);
  });

  it('compares only the dates a draft has', () => {
    expect(cycleIssues({ matchDate: d(1) }, 'cohort')).toEqual([]);
    expect(cycleIssues({ enrollmentOpensAt: d(3), matchDate: d(1) }, 'cohort')).toEqual([]);
    expect(cycleIssues({}, 'self-match')).toEqual([]);
  });

  it('keeps rank lists to national-ranked programs', () => {
    expect(cycleIssues({ rankListsDueAt: d(1) }, 'cohort')).toEqual([
      {
        field: 'cycle.rankListsDueAt',
        message: 'only national-ranked programs collect rank lists',
      },
    ]);
  });

  it('requires the dates each matching mode needs to publish', () => {
    expect(missingCycleDates({}, 'self-match').map((i) => i.field)).toEqual([
      'cycle.enrollmentOpensAt',
      'cycle.enrollmentClosesAt',
    ]);
    expect(
      missingCycleDates({ enrollmentOpensAt: d(1), enrollmentClosesAt: d(2) }, 'cohort'),
    ).toEqual([{ field: 'cycle.matchDate', message: 'is required to publish a cohort program' }]);
    expect(
      missingCycleDates(
        { enrollmentOpensAt: d(1), enrollmentClosesAt: d(2), matchDate: d(3) },
        'national-ranked',
      ).map((i) => i.field),
    ).toEqual(['cycle.rankListsDueAt']);
  });
});
