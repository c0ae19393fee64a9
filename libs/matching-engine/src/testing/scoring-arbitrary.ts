import fc from 'fast-check';
import type { CareerStage, MentorshipRole } from '@medmentor/domain';
import { SCORING_FACTORS, WEEKDAYS } from '../scoring/scoring.types';
import type {
  DeclinedPair,
  ScoringParticipant,
  ScoringProgram,
  ScoringWeights,
  WeeklyWindow,
} from '../scoring/scoring.types';

// Small vocabularies so that random participants often share things.
const SPECIALTIES: readonly (readonly [string, string | undefined])[] = [
  ['internal-medicine', undefined],
  ['internal-medicine', 'internal-medicine.cardiovascular-disease'],
  ['internal-medicine', 'internal-medicine.sleep-medicine'],
  ['neurology', 'internal-medicine.sleep-medicine'],
  ['neurology', undefined],
  ['psychiatry', undefined],
  ['pediatrics', 'pediatrics.pediatric-cardiology'],
  ['dermatology', undefined],
];
const STAGES: CareerStage[] = [
  { stage: 'student' },
  { stage: 'resident', pgy: 1 },
  { stage: 'resident', pgy: 3 },
  { stage: 'fellow' },
  { stage: 'early-career' },
  { stage: 'mid-career' },
  { stage: 'senior' },
];
const INTERESTS = ['research', 'education', 'leadership', 'wellness', 'digital-health'];
const TOPICS = [
  'job-search',
  'contract-negotiation',
  'publishing',
  'teaching',
  'burnout-prevention',
];
const LANGUAGES = ['en', 'es', 'fr', 'zh'];
const ZONES = [
  'UTC',
  'America/New_York',
  'America/Chicago',
  'Europe/London',
  'Asia/Kathmandu',
  'Asia/Tokyo',
];
export const ROLES: readonly MentorshipRole[] = ['clinical', 'career', 'wellness', 'peer'];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const windowArb: fc.Arbitrary<WeeklyWindow> = fc
  .record({
    day: fc.constantFrom(...WEEKDAYS),
    start: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 16 }),
  })
  .map(({ day, start, length }) => {
    const hhmm = (slot: number) => {
      const m = (slot * 15) % (24 * 60);
      return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    };
    return { day, start: hhmm(start), end: hhmm(start + length) };
  });

const settingArb = fc.record({
  model: maybe(fc.constantFrom('academic', 'community', 'hybrid' as const)),
  geography: maybe(fc.constantFrom('urban', 'suburban', 'rural' as const)),
  care: maybe(fc.constantFrom('inpatient', 'outpatient', 'mixed' as const)),
});

/** A random participant with id `id`, whose relations name only ids in `others`. */
export function participantArb(
  id: string,
  others: readonly string[],
): fc.Arbitrary<ScoringParticipant> {
  const someOthers = others.length
    ? fc.subarray([...others], { maxLength: Math.min(2, others.length) })
    : fc.constant<string[]>([]);
  const rare = (arb: fc.Arbitrary<boolean>) =>
    fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: arb });
  return fc.record({
    physician: fc
      .record({
        id: fc.constant(id),
        specialty: fc.constantFrom(...SPECIALTIES),
        careerStage: fc.constantFrom(...STAGES),
        interests: fc.subarray(INTERESTS),
        practiceSetting: settingArb,
        country: maybe(fc.constantFrom('US', 'CA')),
        region: maybe(fc.constantFrom('NY', 'ON')),
        timeZone: fc.constantFrom(...ZONES),
        languages: fc.subarray(LANGUAGES, { minLength: 1 }),
        availability: fc.array(windowArb, { maxLength: 3 }),
        hospitalId: maybe(fc.constantFrom('h1', 'h2')),
        institution: maybe(fc.constantFrom('Mercy', 'mercy ', 'General')),
        reportingLine: fc.record({
          supervisorIds: rare(fc.constant(true)).chain((on) =>
            on ? someOthers : fc.constant<string[]>([]),
          ),
          evaluatorIds: rare(fc.constant(true)).chain((on) =>
            on ? someOthers : fc.constant<string[]>([]),
          ),
        }),
        mentorTrainingCompleted: fc.oneof(
          { weight: 4, arbitrary: fc.constant(true) },
          { weight: 1, arbitrary: fc.constant(false) },
        ),
        takingBreak: rare(fc.constant(true)),
        capacityLeft: fc.integer({ min: 0, max: 3 }),
      })
      .map(({ specialty: [specialty, subspecialty], ...rest }) => ({
        ...rest,
        specialty,
        ...(subspecialty ? { subspecialty } : {}),
      })),
    enrollment: fc.record({
      side: fc.constantFrom('mentee', 'mentor', 'peer' as const),
      roles: fc.subarray([...ROLES], { minLength: 1 }),
      topics: fc.subarray(TOPICS),
      preferences: fc.record({
        externalMentorOnly: rare(fc.constant(true)),
        preferred: fc.record({
          specialties: fc.subarray(['neurology', 'internal-medicine.cardiovascular-disease'], {
            maxLength: 1,
          }),
          languages: fc.subarray(LANGUAGES, { maxLength: 1 }),
          practiceSetting: fc.record({
            model: maybe(fc.constantFrom('academic', 'community' as const)),
          }),
          sameTimeZoneBand: fc.boolean(),
        }),
        exclusions: rare(fc.constant(true)).chain((on) =>
          on ? someOthers : fc.constant<string[]>([]),
        ),
      }),
      capacityLeft: maybe(fc.integer({ min: 0, max: 2 })),
    }),
  });
}

export const weightsArb: fc.Arbitrary<ScoringWeights> = fc
  .tuple(
    ...SCORING_FACTORS.map(() =>
      fc.oneof(
        fc.constant(0),
        fc.constant(1),
        fc.integer({ min: 1, max: 9999 }).map((x) => x / 10000),
      ),
    ),
  )
  .filter((ws) => ws.some((w) => w > 0))
  .map((ws) => Object.fromEntries(SCORING_FACTORS.map((f, i) => [f, ws[i]])) as ScoringWeights);

export const programArb = (ids: readonly string[]): fc.Arbitrary<ScoringProgram> =>
  fc.record({
    weights: weightsArb,
    rolesOffered: fc.subarray([...ROLES], { minLength: 1 }),
    requirements: fc.record({ mentorTrainingCompleted: fc.boolean() }),
    eligibility: fc.record({
      mentees: fc.record({
        careerStages: fc.subarray(['resident', 'fellow', 'student', 'early-career'] as const, {
          maxLength: 3,
        }),
      }),
      mentors: fc.record({
        specialties: fc.subarray(['internal-medicine', 'neurology', 'psychiatry'], {
          maxLength: 2,
        }),
      }),
    }),
    declined:
      ids.length >= 2
        ? fc.array(
            fc.record({ mentee: fc.constantFrom(...ids), mentor: fc.constantFrom(...ids) }),
            { maxLength: 3 },
          )
        : fc.constant<DeclinedPair[]>([]),
  });

/** `n` participants with ids p0..p(n-1) (relations among them) and a program. */
export const populationArb = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `p${i}`);
    return fc.record({
      people: fc.tuple(
        ...ids.map((id) =>
          participantArb(
            id,
            ids.filter((x) => x !== id),
          ),
        ),
      ),
      program: programArb(ids),
      at: fc.constantFrom(
        new Date('2026-01-15T12:00:00Z'),
        new Date('2026-07-15T12:00:00Z'),
        new Date('2026-03-29T01:30:00Z'),
      ),
    });
  });
