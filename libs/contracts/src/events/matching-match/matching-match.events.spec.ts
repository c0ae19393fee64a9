import { createEvent } from '../../codec/create-event';
import { decodeEvent } from '../../codec/decode-event';
import { Topics } from '../../topics';

const facts = {
  matchId: 'b5d2d0a4-8a3c-4a4f-9f53-1a2b3c4d5e6f',
  tenantId: 'lakeside',
  programId: 'p-1',
  role: 'career' as const,
  menteeId: 'ph-mentee',
  mentorId: 'ph-mentor',
  menteeEnrollmentId: 'en-mentee',
  mentorEnrollmentId: 'en-mentor',
  origin: 'run' as const,
  runId: 'run-1',
  version: 1,
  at: '2026-11-22T07:00:00.000Z',
};

describe('match events', () => {
  it('travel on the match topic keyed by the match id and decode back', () => {
    const event = createEvent(
      'medmentor.matching.match.proposed',
      { ...facts, responseDeadline: '2026-11-29T07:00:00.000Z', score: 812 },
      { tenantId: 'lakeside', source: 'matching' },
    );
    expect(event.topic).toBe(Topics.MatchingMatch);
    expect(event.key).toBe(facts.matchId);
    const decoded = decodeEvent(event.topic, JSON.stringify(event.envelope));
    expect(decoded).toMatchObject({ ok: true, type: 'medmentor.matching.match.proposed' });
  });

  it('carries an optional explanation of the score: codes and numbers, nothing else', () => {
    const proposal = { ...facts, responseDeadline: '2026-11-29T07:00:00.000Z', score: 812 };
    const explanation = [
      { factor: 'interests', contribution: 312, similarity: 0.8, shared: ['health-equity'] },
      { factor: 'specialty', contribution: 500, similarity: 1 },
    ];
    const event = createEvent(
      'medmentor.matching.match.proposed',
      { ...proposal, explanation },
      { tenantId: 'lakeside', source: 'matching' },
    );
    const decoded = decodeEvent(event.topic, JSON.stringify(event.envelope));
    expect(decoded).toMatchObject({ ok: true, envelope: { data: { explanation } } });
    for (const bad of [
      [{ factor: '<b>x</b>', contribution: 1, similarity: 0.5 }],
      [{ factor: 'interests', contribution: 1.5, similarity: 0.5 }],
      [{ factor: 'interests', contribution: 1, similarity: 2 }],
    ])
      expect(() =>
        createEvent(
          'medmentor.matching.match.proposed',
          { ...proposal, explanation: bad },
          { tenantId: 'lakeside', source: 'matching' },
        ),
      ).toThrow();
    // A field added later by the producer is dropped, not refused: older consumers keep working.
    const extra = createEvent(
      'medmentor.matching.match.proposed',
      {
        ...proposal,
        explanation: [{ factor: 'interests', contribution: 1, similarity: 0.5, note: 'x' }],
      } as never,
      { tenantId: 'lakeside', source: 'matching' },
    );
    expect(JSON.stringify(extra.envelope)).not.toContain('note');
  });

  it('refuses a proposal without a deadline and an end without a known reason', () => {
    expect(() =>
      createEvent('medmentor.matching.match.proposed', facts as never, {
        tenantId: 'lakeside',
        source: 'matching',
      }),
    ).toThrow(/responseDeadline/);
    expect(() =>
      createEvent('medmentor.matching.match.ended', { ...facts, reason: 'bored' } as never, {
        tenantId: 'lakeside',
        source: 'matching',
      }),
    ).toThrow(/reason/);
  });

  it('puts run events on the run topic keyed by the run id', () => {
    const event = createEvent(
      'medmentor.matching.run.completed',
      {
        runId: 'run-1',
        tenantId: 'lakeside',
        programId: 'p-1',
        algorithm: 'assignment',
        status: 'completed',
        inputHash: 'abc',
        outputHash: 'def',
        matched: 3,
        unmatched: 1,
        verified: true,
        completedAt: '2026-11-22T07:00:00.000Z',
      },
      { tenantId: 'lakeside', source: 'matching' },
    );
    expect(event).toMatchObject({ topic: Topics.MatchingRun, key: 'run-1' });
  });
});
