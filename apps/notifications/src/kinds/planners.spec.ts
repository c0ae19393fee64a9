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
