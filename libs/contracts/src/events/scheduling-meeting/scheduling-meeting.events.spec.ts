import { createEvent } from '../../codec/create-event';
import { decodeEvent } from '../../codec/decode-event';
import { Topics } from '../../topics';

const meeting = {
  meetingId: 'm-1',
  tenantId: 'lakeside',
  matchId: 'match-1',
  programId: 'p-1',
  role: 'career' as const,
  kind: 'check-in' as const,
  seriesId: 's-1',
  occurrence: 0,
  menteeId: 'ph-mentee',
  mentorId: 'ph-mentor',
  start: '2026-03-10T21:00:00.000Z',
  end: '2026-03-10T21:45:00.000Z',
  menteeTimeZone: 'America/New_York',
  mentorTimeZone: 'Europe/London',
  videoUrl: 'https://video.example.org/m-1',
  sequence: 0,
};

describe('scheduling events', () => {
  it('put meeting events on the meeting topic keyed by the meeting id', () => {
    const event = createEvent(
      'medmentor.scheduling.reminder.due',
      { ...meeting, offsetMinutes: 60, dueAt: '2026-03-10T20:00:00.000Z' },
      { tenantId: 'lakeside', source: 'scheduling' },
    );
    expect(event).toMatchObject({ topic: Topics.SchedulingMeeting, key: 'm-1' });
    expect(decodeEvent(event.topic, JSON.stringify(event.envelope))).toMatchObject({
      ok: true,
      type: 'medmentor.scheduling.reminder.due',
    });
  });

  it('put relationship events on the relationship topic keyed by the match id, with known values only', () => {
    const facts = {
      matchId: 'match-1',
      tenantId: 'lakeside',
      programId: 'p-1',
      role: 'career' as const,
      menteeId: 'ph-mentee',
      mentorId: 'ph-mentor',
      at: '2026-03-10T21:00:00.000Z',
    };
    const event = createEvent(
      'medmentor.scheduling.milestone.reached',
      { ...facts, milestone: 'first-meeting-held' },
      { tenantId: 'lakeside', source: 'scheduling' },
    );
    expect(event).toMatchObject({ topic: Topics.SchedulingRelationship, key: 'match-1' });
    expect(() =>
      createEvent(
        'medmentor.scheduling.relationship.health-changed',
        { ...facts, health: 'thriving' } as never,
        { tenantId: 'lakeside', source: 'scheduling' },
      ),
    ).toThrow(/health/);
  });
});
