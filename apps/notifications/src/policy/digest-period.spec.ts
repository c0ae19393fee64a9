import { digestPeriod, groupDigestItems } from './digest-period';

describe('digestPeriod', () => {
  it('uses the local calendar day: the same instant is two different days in two zones', () => {
    const instant = new Date('2026-11-22T23:30:00Z');
    expect(digestPeriod(instant, 'Europe/Berlin', 'daily')).toEqual({
      key: '2026-11-23',
      endsAt: new Date('2026-11-23T23:00:00Z'),
    });
    expect(digestPeriod(instant, 'America/Denver', 'daily')).toEqual({
      key: '2026-11-22',
      endsAt: new Date('2026-11-23T07:00:00Z'),
    });
  });

  it('uses ISO weeks ending Monday 00:00 local', () => {
    expect(digestPeriod(new Date('2026-11-29T12:00:00Z'), 'Asia/Tokyo', 'weekly')).toEqual({
      key: '2026-W48',
      endsAt: new Date('2026-11-29T15:00:00Z'),
    });
    expect(digestPeriod(new Date('2027-01-01T12:00:00Z'), 'UTC', 'weekly').key).toBe('2026-W53');
  });
});

describe('groupDigestItems', () => {
  it('groups by kind in order of first arrival, items oldest first', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute));
    const sections = groupDigestItems([
      { kind: 'match-ended', subject: 'B ended', createdAt: at(5) },
      { kind: 'milestone', subject: 'First meeting', createdAt: at(3) },
      { kind: 'match-ended', subject: 'A ended', createdAt: at(1) },
    ]);
    expect(sections).toEqual([
      { kind: 'match-ended', count: 2, subjects: ['A ended', 'B ended'] },
      { kind: 'milestone', count: 1, subjects: ['First meeting'] },
    ]);
    expect(groupDigestItems([])).toEqual([]);
  });
});
