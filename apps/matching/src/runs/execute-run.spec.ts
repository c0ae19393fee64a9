import type { ScoringParticipant } from '@medmentor/matching-engine';
import { canonicalJson } from './canonical-json';
import { executeRun } from './execute-run';
import type { RunInput, RunParticipant } from './run-input';

const weights = {
  specialty: 1,
  careerStage: 0.5,
  interests: 0.5,
  goals: 1,
  practiceSetting: 0,
  geography: 0,
  language: 0,
  availability: 0,
};

const person = (
  id: string,
  side: 'mentee' | 'mentor',
  over: { specialty?: string; topics?: string[]; capacity?: number; supervisors?: string[] } = {},
): RunParticipant => {
  const participant: ScoringParticipant = {
    physician: {
      id: `ph-${id}`,
      specialty: over.specialty ?? 'internal-medicine',
      careerStage: side === 'mentee' ? { stage: 'resident', pgy: 2 } : { stage: 'mid-career' },
      interests: ['research'],
      practiceSetting: {},
      timeZone: 'America/Chicago',
      languages: ['en'],
      availability: [],
      reportingLine: { supervisorIds: over.supervisors ?? [], evaluatorIds: [] },
      mentorTrainingCompleted: true,
      takingBreak: false,
      capacityLeft: side === 'mentor' ? (over.capacity ?? 1) : 0,
    },
    enrollment: {
      side,
      roles: ['career'],
      topics: over.topics ?? ['contract-negotiation'],
      ...(side === 'mentor' && { capacityLeft: over.capacity ?? 1 }),
    },
  };
  return { enrollmentId: id, participant };
};

const input = (
  seekers: RunParticipant[],
  providers: RunParticipant[],
  algorithm: RunInput['algorithm'] = 'assignment',
): RunInput => ({
  programId: 'p',
  programVersion: 1,
  matchingMode: algorithm === 'deferred-acceptance' ? 'national-ranked' : 'cohort',
  algorithm,
  roles: ['career'],
  program: { weights, rolesOffered: ['career'], declined: [] },
  at: '2026-10-15T00:00:00.000Z',
  seekers,
  providers,
  leftOut: [],
});

const params = { maximizeMatches: false, seed: 0 };

describe('executeRun', () => {
  it('assigns each mentee its best mentor under capacity, proves it optimal and explains each score', () => {
    const out = executeRun(
      input(
        [person('a', 'mentee', { specialty: 'pediatrics' }), person('b', 'mentee')],
        [person('x', 'mentor', { specialty: 'pediatrics' }), person('y', 'mentor')],
      ),
      params,
    );
    expect(out.matches.map((m) => [m.menteeEnrollmentId, m.mentorEnrollmentId])).toEqual([
      ['a', 'x'],
      ['b', 'y'],
    ]);
    expect(out.verification).toEqual({ method: 'optimality', verified: true });
    for (const match of out.matches) {
      expect(match.factors.reduce((sum, f) => sum + f.contribution, 0)).toBe(match.score);
    }
    expect(out.matches[0]).toMatchObject({ menteeId: 'ph-a', mentorId: 'ph-x', role: 'career' });
  });

  it('never pairs a mentee with their supervisor', () => {
    const out = executeRun(
      input([person('a', 'mentee', { supervisors: ['ph-x'] })], [person('x', 'mentor')]),
      params,
    );
    expect(out.matches).toEqual([]);
    expect(out.unmatched).toEqual([{ menteeEnrollmentId: 'a', role: 'career' }]);
    expect(out.pairsAllowed).toBe(0);
  });

  it('gives identical bytes for the same input, whatever the order of participants', () => {
    const seekers = [person('a', 'mentee'), person('b', 'mentee'), person('c', 'mentee')];
    const providers = [person('x', 'mentor', { capacity: 2 }), person('y', 'mentor')];
    const first = canonicalJson(executeRun(input(seekers, providers), params));
    const again = canonicalJson(
      executeRun(input([...seekers].reverse(), [...providers].reverse()), params),
    );
    expect(again).toBe(first);
  });

  it('runs deferred acceptance on rank lists, verifies stability and reports ranks achieved', () => {
    const a = { ...person('a', 'mentee'), rankList: ['x', 'y'] };
    const b = { ...person('b', 'mentee'), rankList: ['x'] };
    const x = { ...person('x', 'mentor'), rankList: ['b', 'a'] };
    const y = { ...person('y', 'mentor'), rankList: ['a'] };
    const out = executeRun(input([a, b], [x, y], 'deferred-acceptance'), params);
    expect(
      out.matches.map((m) => [
        m.menteeEnrollmentId,
        m.mentorEnrollmentId,
        m.menteeRank,
        m.mentorRank,
      ]),
    ).toEqual([
      ['a', 'y', 2, 1],
      ['b', 'x', 1, 1],
    ]);
    expect(out.verification).toEqual({ method: 'stability', verified: true });
    expect(out.stats).toMatchObject({ matched: 2 });
  });

  it('ignores ranked ids that are not in the run (withdrawn) instead of failing', () => {
    const a = { ...person('a', 'mentee'), rankList: ['gone', 'x'] };
    const x = { ...person('x', 'mentor'), rankList: ['a', 'gone-too'] };
    const out = executeRun(input([a], [x], 'deferred-acceptance'), params);
    expect(out.matches).toHaveLength(1);
  });

  it('fills boards with at most one mentor per role and never the same mentor twice', () => {
    const seeker = person('a', 'mentee');
    const both = {
      ...seeker,
      participant: {
        ...seeker.participant,
        enrollment: { ...seeker.participant.enrollment, roles: ['career', 'wellness'] as const },
      },
    };
    const mentor = (id: string) => {
      const p = person(id, 'mentor', { capacity: 2 });
      return {
        ...p,
        participant: {
          ...p.participant,
          enrollment: { ...p.participant.enrollment, roles: ['career', 'wellness'] as const },
        },
      };
    };
    const base = input([both], [mentor('x'), mentor('y')], 'boards');
    const out = executeRun(
      {
        ...base,
        roles: ['career', 'wellness'],
        program: { ...base.program, rolesOffered: ['career', 'wellness'] },
      },
      params,
    );
    expect(out.matches).toHaveLength(2);
    expect(new Set(out.matches.map((m) => m.mentorEnrollmentId)).size).toBe(2);
    expect(out.verification).toEqual({ method: 'feasibility', verified: true });
  });
});
