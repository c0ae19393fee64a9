import { randomUUID } from 'node:crypto';
import type { EnrollmentSnapshot, PhysicianSnapshot, ProgramConfig } from '@medmentor/contracts';

export const physician = (
  tenantId: string,
  overrides: Partial<PhysicianSnapshot> = {},
): PhysicianSnapshot => ({
  physicianId: randomUUID(),
  tenantId,
  displayName: 'Dr. Test',
  email: `${randomUUID()}@example.org`,
  timeZone: 'America/Chicago',
  languages: ['en'],
  availability: [{ day: 'tue', start: '18:00', end: '20:00' }],
  specialty: 'internal-medicine',
  careerStage: { stage: 'resident', pgy: 2 },
  interests: ['research'],
  practiceSetting: { model: 'academic' },
  mentoringCapacity: 2,
  takingBreak: false,
  mentorTraining: { completed: true },
  reportingLine: { supervisorIds: [], evaluatorIds: [] },
  country: 'US',
  region: 'IL',
  version: 1,
  ...overrides,
});

export const program = (
  tenantId: string,
  overrides: Partial<ProgramConfig> = {},
): ProgramConfig => ({
  programId: randomUUID(),
  tenantId,
  name: 'First attending job',
  kind: 'institutional',
  matchingMode: 'cohort',
  status: 'matching',
  rolesOffered: [{ role: 'career', perMentee: 1 }],
  scoringWeights: {
    specialty: 1,
    careerStage: 0.5,
    interests: 0.5,
    goals: 1,
    practiceSetting: 0.2,
    geography: 0.2,
    language: 0.3,
    availability: 0.2,
  },
  eligibility: {
    mentees: { careerStages: [], specialties: [] },
    mentors: { careerStages: [], specialties: [] },
  },
  requirements: { mentorTrainingCompleted: false },
  cadence: [{ every: 'month' }],
  kickoffWindowDays: 14,
  reminderOffsetsMinutes: [1440],
  cycle: {
    enrollmentOpensAt: '2026-09-01T00:00:00.000Z',
    enrollmentClosesAt: '2026-09-30T00:00:00.000Z',
    matchDate: '2026-10-15T00:00:00.000Z',
  },
  version: 1,
  ...overrides,
});

export const enrollment = (
  of: { tenantId: string; programId: string; physicianId: string },
  overrides: Partial<EnrollmentSnapshot> = {},
): EnrollmentSnapshot => ({
  enrollmentId: randomUUID(),
  ...of,
  side: 'mentee',
  roles: ['career'],
  topics: ['contract-negotiation'],
  preferences: {
    externalMentorOnly: false,
    preferred: { specialties: [], languages: [], practiceSetting: {} },
    exclusions: [],
  },
  status: 'active',
  submittedAt: '2026-09-10T00:00:00.000Z',
  version: 1,
  ...overrides,
});
