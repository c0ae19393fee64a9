import type { MatchFacts, PhysicianSnapshot, ProgramConfig } from '@medmentor/contracts';
import { uniqueName } from '@medmentor/testing';

export const physician = (
  tenantId: string,
  timeZone: string,
  availability: PhysicianSnapshot['availability'],
  version = 1,
): PhysicianSnapshot => {
  const physicianId = uniqueName('ph');
  return {
    physicianId,
    tenantId,
    displayName: `Dr ${physicianId}`,
    email: `${physicianId}@example.org`,
    timeZone,
    languages: ['en'],
    availability,
    specialty: 'internal-medicine',
    careerStage: { stage: 'resident', pgy: 2 },
    interests: [],
    practiceSetting: {},
    mentoringCapacity: 2,
    takingBreak: false,
    mentorTraining: { completed: true },
    reportingLine: { supervisorIds: [], evaluatorIds: [] },
    version,
  };
};

export const program = (
  tenantId: string,
  overrides: Partial<ProgramConfig> = {},
): ProgramConfig => ({
  programId: uniqueName('prog'),
  tenantId,
  name: 'First attending job',
  kind: 'institutional',
  matchingMode: 'cohort',
  status: 'active',
  rolesOffered: [{ role: 'career', perMentee: 1 }],
  scoringWeights: {
    specialty: 1,
    careerStage: 1,
    interests: 0,
    goals: 0,
    practiceSetting: 0,
    geography: 0,
    language: 0,
    availability: 0,
  },
  eligibility: {
    mentees: { careerStages: [], specialties: [] },
    mentors: { careerStages: [], specialties: [] },
  },
  requirements: { mentorTrainingCompleted: false },
  cadence: [{ every: 'month', count: 2 }, { every: 'quarter' }],
  kickoffWindowDays: 14,
  reminderOffsetsMinutes: [1440, 60],
  cycle: {
    enrollmentOpensAt: '2026-01-01T00:00:00.000Z',
    enrollmentClosesAt: '2026-02-01T00:00:00.000Z',
  },
  version: 1,
  ...overrides,
});

export const match = (
  tenantId: string,
  programId: string,
  menteeId: string,
  mentorId: string,
  at: string,
): MatchFacts => ({
  matchId: uniqueName('match'),
  tenantId,
  programId,
  role: 'career',
  menteeId,
  mentorId,
  menteeEnrollmentId: uniqueName('en'),
  mentorEnrollmentId: uniqueName('en'),
  origin: 'run',
  version: 2,
  at,
});

/** New York lunch = London late afternoon, Tuesdays and Thursdays: a pair with common time. */
export const newYorkLondonPair = (tenantId: string): [PhysicianSnapshot, PhysicianSnapshot] => [
  physician(tenantId, 'America/New_York', [
    { day: 'tue', start: '12:00', end: '14:00' },
    { day: 'thu', start: '12:00', end: '14:00' },
  ]),
  physician(tenantId, 'Europe/London', [
    { day: 'tue', start: '17:00', end: '19:00' },
    { day: 'thu', start: '17:00', end: '19:00' },
  ]),
];

/** One entry per event id: two replicas' relays may both publish an outbox entry. */
export const distinct = <T extends { id: string }>(events: T[]): T[] => [
  ...new Map(events.map((e) => [e.id, e])).values(),
];
