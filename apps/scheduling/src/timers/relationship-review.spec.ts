import { reviewRelationship, type ReviewInput } from './relationship-review';

const activatedAt = new Date('2026-01-05T12:00:00Z');
const base: ReviewInput = {
  activatedAt,
  kickoffWindowDays: 14,
  cadence: [{ every: 'month', count: 6 }, { every: 'quarter' }],
  graceDays: 7,
  held: [],
  completedCheckIns: 0,
  actionItems: { total: 0, done: 0 },
  reached: [],
  now: new Date('2026-01-10T00:00:00Z'),
};

describe('relationship review', () => {
  it('is on track inside the kickoff window plus grace, then overdue once, then inactive', () => {
    expect(reviewRelationship(base)).toMatchObject({ health: 'on-track', milestones: [] });
    const late = reviewRelationship({ ...base, now: new Date('2026-01-27T00:00:00Z') });
    expect(late.health).toBe('needs-check-in');
    expect(late.overdue?.dueBy).toEqual(new Date('2026-01-26T12:00:00Z'));
    // The same due date is not announced twice.
    expect(
      reviewRelationship({
        ...base,
        now: new Date('2026-01-28T00:00:00Z'),
        overdueFor: late.overdue?.dueBy,
      }).overdue,
    ).toBeUndefined();
    expect(reviewRelationship({ ...base, now: new Date('2026-03-01T00:00:00Z') }).health).toBe(
      'inactive',
    );
  });

  it('measures the next due date from the last meeting held with the current phase’s interval', () => {
    const held = [new Date('2026-01-12T17:00:00Z')];
    const review = reviewRelationship({ ...base, held, now: new Date('2026-02-15T00:00:00Z') });
    expect(review.health).toBe('on-track');
    expect(review.milestones.map((m) => m.key)).toEqual(['first-meeting-held']);
    // After six monthly check-ins the quarterly phase applies: 92 days + 7 of grace.
    const later = reviewRelationship({
      ...base,
      held,
      completedCheckIns: 6,
      now: new Date('2026-04-15T00:00:00Z'),
      reached: ['first-meeting-held'],
    });
    expect(later.health).toBe('on-track');
    expect(later.milestones.map((m) => m.key)).toEqual(['check-ins-completed:5']);
  });

  it('recognises six months and finished action items once each', () => {
    const review = reviewRelationship({
      ...base,
      held: [new Date('2026-07-01T00:00:00Z')],
      actionItems: { total: 3, done: 3 },
      reached: ['first-meeting-held'],
      now: new Date('2026-07-06T00:00:00Z'),
    });
    expect(review.milestones.map((m) => m.key)).toEqual([
      'six-months-active',
      'all-action-items-done:3',
    ]);
  });
});
