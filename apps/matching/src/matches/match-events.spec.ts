import type { FactorExplanation } from '@medmentor/matching-engine';
import { matchProposed } from './match-events';
import type { Match } from './schemas/match.schema';

const at = new Date('2026-11-22T10:00:00Z');
const match: Match = {
  _id: 'm1',
  tenantId: 't1',
  programId: 'p1',
  role: 'career',
  menteeId: 'ph-a',
  mentorId: 'ph-b',
  menteeEnrollmentId: 'en-a',
  mentorEnrollmentId: 'en-b',
  origin: 'run',
  runId: 'r1',
  status: 'proposed',
  liveKey: 'live',
  responseDeadline: new Date('2026-11-29T10:00:00Z'),
  score: 700,
  createdBy: 'admin',
  version: 1,
  createdAt: at,
  updatedAt: at,
};

const factors: FactorExplanation[] = [
  {
    factor: 'specialty',
    weight: 0.3,
    similarity: 1,
    contribution: 300,
    detail: { factor: 'specialty', kind: 'same-specialty', mentor: 'internal-medicine' },
  },
  {
    factor: 'interests',
    weight: 0.2,
    similarity: 0.5,
    contribution: 100,
    detail: { factor: 'interests', shared: ['ethics'] },
  },
  {
    factor: 'language',
    weight: 0.1,
    similarity: 0,
    contribution: 0,
    detail: { factor: 'language', shared: [], preferred: [] },
  },
  {
    factor: 'goals',
    weight: 0.1,
    similarity: 1,
    contribution: 100,
    detail: { factor: 'goals', covered: ['research'], goals: 1 },
  },
];

describe('matchProposed', () => {
  it("carries the score's explanation: points, similarity and the codes both sides share", () => {
    const event = matchProposed({ ...match, factors }, at);
    expect(event.envelope.data).toMatchObject({
      score: 700,
      explanation: [
        { factor: 'specialty', contribution: 300, similarity: 1 },
        { factor: 'interests', contribution: 100, similarity: 0.5, shared: ['ethics'] },
        { factor: 'language', contribution: 0, similarity: 0 },
        { factor: 'goals', contribution: 100, similarity: 1, shared: ['research'] },
      ],
    });
    // Weights and the mentor's own codes stay in matching.
    expect(JSON.stringify(event.envelope.data)).not.toContain('internal-medicine');
    expect(JSON.stringify(event.envelope.data)).not.toContain('weight');
  });

  it('leaves the explanation out of a match without one (manual, rematch)', () => {
    expect(matchProposed(match, at).envelope.data).not.toHaveProperty('explanation');
  });
});
