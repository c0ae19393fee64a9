import type {
  ScoringEnrollment,
  ScoringParticipant,
  ScoringPhysician,
  ScoringProgram,
  ScoringWeights,
} from '../scoring/scoring.types';

export const EQUAL_WEIGHTS: ScoringWeights = {
  specialty: 1,
  careerStage: 1,
  interests: 1,
  goals: 1,
  practiceSetting: 1,
  geography: 1,
  language: 1,
  availability: 1,
};

/** Only one factor counts: its similarity × MAX_SCORE is the score. */
export const onlyFactor = (factor: keyof ScoringWeights): ScoringWeights =>
  ({
    ...Object.fromEntries(Object.keys(EQUAL_WEIGHTS).map((f) => [f, 0])),
    [factor]: 1,
  }) as ScoringWeights;

export const program = (over: Partial<ScoringProgram> = {}): ScoringProgram => ({
  weights: EQUAL_WEIGHTS,
  rolesOffered: ['clinical', 'career', 'wellness', 'peer'],
  ...over,
});

/** A physician with neutral defaults; override what a test is about. */
export const physician = (id: string, over: Partial<ScoringPhysician> = {}): ScoringPhysician => ({
  id,
  specialty: 'internal-medicine',
  careerStage: { stage: 'resident', pgy: 2 },
  interests: [],
  practiceSetting: {},
  timeZone: 'UTC',
  languages: ['en'],
  availability: [],
  reportingLine: { supervisorIds: [], evaluatorIds: [] },
  mentorTrainingCompleted: true,
  takingBreak: false,
  capacityLeft: 3,
  ...over,
});

export const participant = (
  p: ScoringPhysician,
  enrollment: Partial<ScoringEnrollment> = {},
): ScoringParticipant => ({
  physician: p,
  enrollment: { side: 'mentee', roles: ['clinical'], topics: [], ...enrollment },
});

export const mentee = (
  id: string,
  over: Partial<ScoringPhysician> = {},
  e: Partial<ScoringEnrollment> = {},
) =>
  participant(physician(id, over), {
    side: 'mentee',
    roles: ['clinical', 'career', 'wellness', 'peer'],
    ...e,
  });

export const mentor = (
  id: string,
  over: Partial<ScoringPhysician> = {},
  e: Partial<ScoringEnrollment> = {},
) =>
  participant(physician(id, { careerStage: { stage: 'mid-career' }, ...over }), {
    side: 'mentor',
    roles: ['clinical', 'career', 'wellness'],
    ...e,
  });

export const peer = (
  id: string,
  over: Partial<ScoringPhysician> = {},
  e: Partial<ScoringEnrollment> = {},
) => participant(physician(id, over), { side: 'peer', roles: ['peer'], ...e });

/** A fixed instant in northern winter (New York at UTC-5). */
export const WINTER = new Date('2026-01-15T12:00:00Z');
/** A fixed instant in northern summer (New York at UTC-4). */
export const SUMMER = new Date('2026-07-15T12:00:00Z');
