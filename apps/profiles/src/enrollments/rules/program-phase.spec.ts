import {
  collectsRankLists,
  enrollmentClosedReason,
  rankListLockedReason,
  rankListsDue,
  type ProgramPhase,
} from './program-phase';

const at = (iso: string) => new Date(iso);

const program = (overrides: Partial<ProgramPhase> = {}): ProgramPhase => ({
  status: 'open',
  matchingMode: 'national-ranked',
  cycle: {
    enrollmentOpensAt: at('2026-09-01T00:00:00Z'),
    enrollmentClosesAt: at('2026-09-15T00:00:00Z'),
    rankListsDueAt: at('2026-09-30T00:00:00Z'),
    matchDate: at('2026-10-15T00:00:00Z'),
  },
  ...overrides,
});

describe('enrollment window', () => {
  it('is open from the opening instant up to, not including, the closing instant', () => {
    expect(enrollmentClosedReason(program(), at('2026-09-01T00:00:00Z'))).toBeNull();
    expect(enrollmentClosedReason(program(), at('2026-09-14T23:59:59.999Z'))).toBeNull();
    expect(enrollmentClosedReason(program(), at('2026-08-31T23:59:59Z'))).toMatch(
      /opens at 2026-09-01/,
    );
    expect(enrollmentClosedReason(program(), at('2026-09-15T00:00:00Z'))).toMatch(
      /closed at 2026-09-15/,
    );
  });

  it('needs an open program, whatever the dates', () => {
    for (const status of ['draft', 'matching', 'active', 'closed'] as const) {
      expect(enrollmentClosedReason(program({ status }), at('2026-09-05T00:00:00Z'))).toMatch(
        new RegExp(`is ${status}`),
      );
    }
  });
});

describe('rank-list deadline', () => {
  it('collects lists only in national-ranked programs', () => {
    expect(collectsRankLists(program())).toBe(true);
    expect(collectsRankLists(program({ matchingMode: 'cohort' }))).toBe(false);
    expect(collectsRankLists(program({ matchingMode: 'self-match' }))).toBe(false);
  });

  it('is due from the deadline on; a program without one is never due', () => {
    expect(rankListsDue(program(), at('2026-09-29T23:59:59Z'))).toBe(false);
    expect(rankListsDue(program(), at('2026-09-30T00:00:00Z'))).toBe(true);
    expect(rankListsDue(program({ cycle: {} }), at('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('locks a list after the deadline, once frozen, or when the program is closed', () => {
    const before = at('2026-09-20T00:00:00Z');
    expect(rankListLockedReason(program({ status: 'matching' }), undefined, before)).toBeNull();
    expect(rankListLockedReason(program(), undefined, at('2026-09-30T00:00:00Z'))).toMatch(
      /due at 2026-09-30/,
    );
    // A freeze is final even if the deadline was later moved.
    expect(rankListLockedReason(program(), at('2026-09-30T00:00:01Z'), before)).toMatch(/froze/);
    expect(rankListLockedReason(program({ status: 'closed' }), undefined, before)).toMatch(
      /closed/,
    );
  });
});
