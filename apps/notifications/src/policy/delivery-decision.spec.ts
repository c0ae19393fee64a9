import { decideDelivery, DEFAULT_PREFERENCES, type DecisionInput } from './delivery-decision';

const base: DecisionInput = {
  priority: 'normal',
  category: 'matching',
  channel: 'email',
  preferences: DEFAULT_PREFERENCES,
  timeZone: 'America/New_York',
  now: new Date('2026-11-22T15:00:00Z'), // 10:00 in New York
  sentToday: 0,
  dailyCap: 5,
};

describe('decideDelivery', () => {
  it('sends at once by default', () => {
    expect(decideDelivery(base)).toEqual({ action: 'send', at: base.now, deferred: false });
  });

  it('honours an opt-out per category and channel', () => {
    const preferences = { ...DEFAULT_PREFERENCES, optOuts: { matching: ['email' as const] } };
    expect(decideDelivery({ ...base, preferences })).toEqual({
      action: 'skip',
      reason: 'opted-out',
    });
    expect(decideDelivery({ ...base, preferences, channel: 'inbox' }).action).toBe('send');
    expect(decideDelivery({ ...base, preferences, category: 'enrollment' }).action).toBe('send');
  });

  it('never silences a critical message by email, but its inbox copy obeys', () => {
    const preferences = {
      ...DEFAULT_PREFERENCES,
      optOuts: { matching: ['email' as const, 'inbox' as const] },
    };
    expect(decideDelivery({ ...base, priority: 'critical', preferences }).action).toBe('send');
    expect(
      decideDelivery({ ...base, priority: 'critical', preferences, channel: 'inbox' }).action,
    ).toBe('skip');
  });

  it('defers email to the end of quiet hours in the physician zone; the inbox is written at once', () => {
    const preferences = { ...DEFAULT_PREFERENCES, quietHours: { start: '21:00', end: '08:00' } };
    const now = new Date('2026-11-23T03:00:00Z'); // 22:00 in New York, 19:00 in Los Angeles
    expect(decideDelivery({ ...base, preferences, now })).toEqual({
      action: 'send',
      at: new Date('2026-11-23T13:00:00Z'),
      deferred: true,
    });
    expect(decideDelivery({ ...base, preferences, now, timeZone: 'America/Los_Angeles' })).toEqual({
      action: 'send',
      at: now,
      deferred: false,
    });
    expect(decideDelivery({ ...base, preferences, now, channel: 'inbox' })).toEqual({
      action: 'send',
      at: now,
      deferred: false,
    });
    // Critical messages also wait for the morning: deferred, not dropped.
    expect(decideDelivery({ ...base, priority: 'critical', preferences, now })).toMatchObject({
      deferred: true,
    });
  });

  it('puts low-priority email in the chosen digest, due at the end of the local period', () => {
    const daily = decideDelivery({
      ...base,
      priority: 'low',
      preferences: { ...DEFAULT_PREFERENCES, digest: 'daily' },
    });
    expect(daily).toEqual({
      action: 'digest',
      periodKey: '2026-11-22',
      dueAt: new Date('2026-11-23T05:00:00Z'),
    });
    const weekly = decideDelivery({
      ...base,
      priority: 'low',
      preferences: { ...DEFAULT_PREFERENCES, digest: 'weekly' },
    });
    expect(weekly).toEqual({
      action: 'digest',
      periodKey: '2026-W47',
      dueAt: new Date('2026-11-23T05:00:00Z'),
    });
    expect(
      decideDelivery({
        ...base,
        priority: 'normal',
        preferences: { ...DEFAULT_PREFERENCES, digest: 'daily' },
      }).action,
    ).toBe('send');
    expect(decideDelivery({ ...base, priority: 'low' }).action).toBe('send');
  });

  it('past the daily cap, sends non-critical email in the next daily digest instead', () => {
    expect(decideDelivery({ ...base, sentToday: 5 })).toMatchObject({
      action: 'digest',
      periodKey: '2026-11-22',
    });
    expect(decideDelivery({ ...base, sentToday: 4 }).action).toBe('send');
    expect(decideDelivery({ ...base, sentToday: 50, priority: 'critical' }).action).toBe('send');
    expect(decideDelivery({ ...base, sentToday: 50, channel: 'inbox' }).action).toBe('send');
  });
});
