import type { CadencePhase } from '@medmentor/contracts';
import { cadenceIssues, cadencePhaseFor } from './cadence';

describe('cadence', () => {
  const monthlyThenQuarterly: CadencePhase[] = [{ every: 'month', count: 6 }, { every: 'quarter' }];
  const jobSearch: CadencePhase[] = [
    { every: 'month', while: 'job-searching' },
    { every: 'quarter' },
  ];

  it('accepts counted, conditional and a final open-ended phase', () => {
    expect(cadenceIssues(monthlyThenQuarterly)).toEqual([]);
    expect(cadenceIssues(jobSearch)).toEqual([]);
    expect(
      cadenceIssues([
        { every: 'two-weeks', count: 4 },
        { every: 'month', count: 3 },
      ]),
    ).toEqual([]);
  });

  it('refuses an open-ended phase before the last and a phase with both count and condition', () => {
    expect(cadenceIssues([{ every: 'quarter' }, { every: 'month', count: 2 }])).toEqual([
      {
        field: 'cadence[0]',
        message: 'only the last phase may go on without a count or condition',
      },
    ]);
    expect(cadenceIssues([{ every: 'month', count: 2, while: 'job-searching' }])).toEqual([
      {
        field: 'cadence[0]',
        message: 'a phase lasts either count meetings or while a condition holds, not both',
      },
    ]);
  });

  it('meets monthly for six meetings, then quarterly', () => {
    expect(
      cadencePhaseFor(monthlyThenQuarterly, { meetingsHeld: 0, jobSearching: false })?.index,
    ).toBe(0);
    expect(
      cadencePhaseFor(monthlyThenQuarterly, { meetingsHeld: 5, jobSearching: false })?.index,
    ).toBe(0);
    expect(
      cadencePhaseFor(monthlyThenQuarterly, { meetingsHeld: 6, jobSearching: false })?.phase,
    ).toEqual({ every: 'quarter' });
    expect(
      cadencePhaseFor(monthlyThenQuarterly, { meetingsHeld: 60, jobSearching: false })?.index,
    ).toBe(1);
  });

  it('meets monthly while job searching, quarterly after', () => {
    expect(cadencePhaseFor(jobSearch, { meetingsHeld: 9, jobSearching: true })?.phase).toEqual({
      every: 'month',
      while: 'job-searching',
    });
    expect(cadencePhaseFor(jobSearch, { meetingsHeld: 9, jobSearching: false })?.phase).toEqual({
      every: 'quarter',
    });
  });

  it('ends when every bounded phase is used up', () => {
    const bounded: CadencePhase[] = [
      { every: 'week', count: 2 },
      { every: 'month', count: 1 },
    ];
    expect(cadencePhaseFor(bounded, { meetingsHeld: 2, jobSearching: false })?.index).toBe(1);
    expect(cadencePhaseFor(bounded, { meetingsHeld: 3, jobSearching: false })).toBeUndefined();
  });
});
