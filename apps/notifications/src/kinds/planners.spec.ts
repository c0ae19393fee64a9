import { planMatchAccepted, planMatchProposed, planRunCompleted } from './matching.planners';
import { planRankListFrozen } from './profiles.planners';

const facts = {
  matchId: 'm1',
  tenantId: 't1',
  programId: 'p1',
  role: 'career' as const,
  menteeId: 'mentee',
  mentorId: 'mentor',
  menteeEnrollmentId: 'e1',
  mentorEnrollmentId: 'e2',
  origin: 'run' as const,
  version: 1,
  at: '2026-11-22T10:00:00Z',
};

describe('planners', () => {
  it('tells both sides of a proposal, each naming the other', () => {
    const messages = planMatchProposed({ ...facts, responseDeadline: '2026-11-29T10:00:00Z' });
    expect(messages.map((m) => [m.recipient, m.names, m.data['side']])).toEqual([
      [{ physicianId: 'mentee' }, { other: 'mentor' }, 'mentee'],
      [{ physicianId: 'mentor' }, { other: 'mentee' }, 'mentor'],
    ]);
  });

  it("gives both sides the explanation's scoring factors as reasons, strongest first, at most five", () => {
    const factor = (name: string, contribution: number, shared?: string[]) => ({
      factor: name,
      contribution,
      similarity: 0.5,
      ...(shared && { shared }),
    });
    const messages = planMatchProposed({
      ...facts,
      responseDeadline: '2026-11-29T10:00:00Z',
      score: 700,
      explanation: [
        factor('specialty', 150),
        factor('interests', 240, ['ethics', 'quality-improvement']),
        factor('careerStage', 0),
        factor('language', 60, ['es']),
        factor('availability', 90),
        factor('geography', 80),
        factor('novelFactor', 70),
      ],
    });
    for (const message of messages)
      expect(message.data['reasons']).toEqual([
        { label: 'Shared interests', points: 240, shared: 'ethics, quality-improvement' },
        { label: 'Specialty', points: 150 },
        { label: 'Overlapping availability', points: 90 },
        { label: 'Location and time zone', points: 80 },
        { label: 'novelFactor', points: 70 },
      ]);
    const [unexplained] = planMatchProposed({ ...facts, responseDeadline: '2026-11-29T10:00:00Z' });
    expect(unexplained?.data).not.toHaveProperty('reasons');
  });

  it('tells only the side that did not accept', () => {
    expect(planMatchAccepted({ ...facts, by: 'mentor' }).map((m) => m.recipient)).toEqual([
      { physicianId: 'mentee' },
    ]);
  });

  it('alerts the program admins of a run', () => {
    const [message] = planRunCompleted({
      runId: 'r1',
      tenantId: 't1',
      programId: 'p1',
      algorithm: 'assignment',
      status: 'completed',
      matched: 3,
      unmatched: 1,
      verified: true,
      completedAt: facts.at,
    } as never);
    expect(message).toMatchObject({
      recipient: { admins: true },
      programId: 'p1',
      data: { matched: 3, unmatched: 1 },
    });
  });

  it('attaches the frozen rank list as CSV', () => {
    const [message] = planRankListFrozen({
      enrollmentId: 'e1',
      tenantId: 't1',
      programId: 'p1',
      physicianId: 'ph',
      side: 'mentee',
      ranks: ['a', 'b'],
      submittedAt: facts.at,
      frozenAt: facts.at,
      version: 2,
    });
    expect(Buffer.from(message?.attachments?.[0]?.content ?? '', 'base64').toString()).toBe(
      'rank,enrollment_id\r\n1,a\r\n2,b\r\n',
    );
  });
});
