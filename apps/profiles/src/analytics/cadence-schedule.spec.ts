import { addInterval, expectedCheckIns } from './cadence-schedule';

const at = (iso: string): Date => new Date(iso);
const iso = (dates: Date[]): string[] => dates.map((date) => date.toISOString().slice(0, 10));

describe('addInterval', () => {
  it('adds weeks as days and months on the calendar, clamped to the end of a shorter month', () => {
    expect(addInterval(at('2026-01-31T09:00:00Z'), 'week').toISOString()).toBe(
      '2026-02-07T09:00:00.000Z',
    );
    expect(addInterval(at('2026-01-31T09:00:00Z'), 'two-weeks').toISOString()).toBe(
      '2026-02-14T09:00:00.000Z',
    );
    expect(addInterval(at('2026-01-31T09:00:00Z'), 'month').toISOString()).toBe(
      '2026-02-28T09:00:00.000Z',
    );
    expect(addInterval(at('2026-11-30T09:00:00Z'), 'quarter').toISOString()).toBe(
      '2027-02-28T09:00:00.000Z',
    );
  });
});

describe('expectedCheckIns', () => {
  it('walks the phases in order, each from the last meeting of the one before', () => {
    const due = expectedCheckIns(
      [{ every: 'week', count: 2 }, { every: 'month' }],
      at('2026-01-01T00:00:00Z'),
      at('2026-04-01T00:00:00Z'),
    );
    expect(iso(due)).toEqual(['2026-01-08', '2026-01-15', '2026-02-15', '2026-03-15']);
  });

  it('stops after the last bounded phase, and takes a conditional phase as lasting', () => {
    expect(
      expectedCheckIns(
        [{ every: 'month', count: 2 }],
        at('2026-01-01T00:00:00Z'),
        at('2027-01-01T00:00:00Z'),
      ),
    ).toHaveLength(2);
    expect(
      expectedCheckIns(
        [{ every: 'quarter', while: 'job-searching' }],
        at('2026-01-01T00:00:00Z'),
        at('2027-01-01T00:00:00Z'),
      ),
    ).toHaveLength(3);
  });

  it('expects nothing before the first interval has passed', () => {
    expect(
      expectedCheckIns(
        [{ every: 'month' }],
        at('2026-01-01T00:00:00Z'),
        at('2026-01-20T00:00:00Z'),
      ),
    ).toEqual([]);
  });
});
