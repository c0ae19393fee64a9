import { applyMatchFact, emptyMatchRecord, sameMatchRecord, type MatchFact } from './match-record';

const identity = { matchId: 'm-1', programId: 'p-1', role: 'career' as const };
const at = (iso: string): Date => new Date(iso);

const facts: MatchFact[] = [
  { kind: 'proposed', at: at('2026-01-01T00:00:00Z') },
  { kind: 'accepted', at: at('2026-01-02T00:00:00Z'), by: 'mentee' },
  { kind: 'accepted', at: at('2026-01-03T00:00:00Z'), by: 'mentor' },
  { kind: 'activated', at: at('2026-01-03T00:00:00Z') },
  {
    kind: 'meeting',
    meeting: {
      meetingId: 'k',
      kind: 'kickoff',
      start: at('2026-01-05T10:00:00Z'),
      sequence: 0,
      status: 'scheduled',
    },
  },
  {
    kind: 'meeting',
    meeting: {
      meetingId: 'k',
      kind: 'kickoff',
      start: at('2026-01-06T10:00:00Z'),
      sequence: 1,
      status: 'scheduled',
    },
  },
  {
    kind: 'meeting',
    meeting: {
      meetingId: 'k',
      kind: 'kickoff',
      start: at('2026-01-06T10:00:00Z'),
      sequence: 1,
      status: 'completed',
    },
  },
  { kind: 'health', at: at('2026-02-01T00:00:00Z'), health: 'needs-check-in' },
  { kind: 'health', at: at('2026-02-10T00:00:00Z'), health: 'on-track' },
  { kind: 'milestone', at: at('2026-01-06T11:00:00Z'), milestone: 'first-meeting-held' },
  { kind: 'milestone', at: at('2026-03-01T00:00:00Z'), milestone: 'check-ins-completed', count: 3 },
  { kind: 'overdue', dueBy: at('2026-02-01T00:00:00Z') },
  { kind: 'ended', at: at('2026-06-01T00:00:00Z'), reason: 'completed' },
];

const fold = (list: MatchFact[]) => list.reduce(applyMatchFact, emptyMatchRecord(identity));

/** A deterministic shuffle (no randomness in tests). */
const rotate = <T>(list: T[], by: number): T[] => [...list.slice(by), ...list.slice(0, by)];

describe('applyMatchFact', () => {
  const expected = fold(facts);

  it('folds a match history into its record', () => {
    expect(expected).toMatchObject({
      proposedAt: at('2026-01-01T00:00:00Z'),
      acceptedBy: ['mentee', 'mentor'],
      activatedAt: at('2026-01-03T00:00:00Z'),
      endedAt: at('2026-06-01T00:00:00Z'),
      endReason: 'completed',
      health: 'on-track',
      overdueDueBy: [at('2026-02-01T00:00:00Z')],
      meetings: [
        { meetingId: 'k', start: at('2026-01-06T10:00:00Z'), sequence: 1, status: 'completed' },
      ],
    });
    expect(expected.milestones.map((m) => m.key)).toEqual([
      'check-ins-completed:3',
      'first-meeting-held',
    ]);
  });

  it('changes nothing when a fact is applied again', () => {
    for (const fact of facts) {
      expect(sameMatchRecord(applyMatchFact(expected, fact), expected)).toBe(true);
    }
  });

  it('gives the same record whatever the order of the facts', () => {
    for (let by = 1; by < facts.length; by += 1) {
      expect(sameMatchRecord(fold(rotate(facts, by)), expected)).toBe(true);
      expect(sameMatchRecord(fold(rotate(facts, by).reverse()), expected)).toBe(true);
    }
  });

  it('keeps a completed meeting completed when its scheduling arrives late', () => {
    const completed = fold([facts[6], facts[4], facts[5]]);
    expect(completed.meetings).toEqual([
      expect.objectContaining({ status: 'completed', sequence: 1 }),
    ]);
  });

  it('keeps the latest health and the earliest time of each milestone', () => {
    const record = fold([
      { kind: 'health', at: at('2026-02-10T00:00:00Z'), health: 'inactive' },
      { kind: 'health', at: at('2026-02-01T00:00:00Z'), health: 'on-track' },
      { kind: 'milestone', at: at('2026-03-02T00:00:00Z'), milestone: 'six-months-active' },
      { kind: 'milestone', at: at('2026-03-01T00:00:00Z'), milestone: 'six-months-active' },
    ]);
    expect(record.health).toBe('inactive');
    expect(record.milestones).toEqual([
      { key: 'six-months-active', milestone: 'six-months-active', at: at('2026-03-01T00:00:00Z') },
    ]);
  });

  it('tells a changed record from an unchanged one', () => {
    expect(
      sameMatchRecord(
        expected,
        applyMatchFact(expected, { kind: 'overdue', dueBy: at('2026-04-01T00:00:00Z') }),
      ),
    ).toBe(false);
  });
});
