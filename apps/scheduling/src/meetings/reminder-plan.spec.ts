import { dueOffsets, reminderState } from './reminder-plan';

const start = new Date('2026-03-10T21:00:00Z');

describe('reminder plan', () => {
  it('schedules the earliest reminder still ahead and skips the ones already passed', () => {
    expect(reminderState(start, [1440, 60], new Date('2026-03-01T00:00:00Z'))).toEqual({
      remindersDone: [],
      reminderAt: new Date('2026-03-09T21:00:00Z'),
    });
    expect(reminderState(start, [1440, 60], new Date('2026-03-10T12:00:00Z'))).toEqual({
      remindersDone: [1440],
      reminderAt: new Date('2026-03-10T20:00:00Z'),
    });
    expect(reminderState(start, [1440, 60], new Date('2026-03-10T20:30:00Z'))).toEqual({
      remindersDone: [1440, 60],
    });
  });

  it('finds the offsets due now and not yet sent, and none once the meeting began', () => {
    const done: number[] = [];
    expect(dueOffsets(start, [1440, 60], new Date('2026-03-10T20:00:00Z'), done)).toEqual([
      1440, 60,
    ]);
    expect(dueOffsets(start, [1440, 60], new Date('2026-03-10T20:00:00Z'), [1440])).toEqual([60]);
    expect(dueOffsets(start, [1440, 60], new Date('2026-03-10T21:00:00Z'), done)).toEqual([]);
  });
});
