// The physicians and matches of the scheduling benchmarks: mentors with a capacity of 1-3
// mentees each, as many as the matches need, and plausible weeks in their own zones, so
// that most pairs have common time and the pairs that do not are the realistic ones (far
// apart, or with windows on different days).
import type { Producer } from 'kafkajs';
import { createEvent, type EventPayload, type EventType } from '@medmentor/contracts';
import { Prng, WeightedSampler } from './prng';

/** Where physicians live, weighted as in a mostly US program with some abroad. */
export const ZONES: readonly (readonly [string, number])[] = [
  ['America/New_York', 35],
  ['America/Chicago', 20],
  ['America/Denver', 5],
  ['America/Los_Angeles', 20],
  ['Europe/London', 10],
  ['Asia/Kolkata', 5],
  ['Pacific/Honolulu', 5],
];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
type Day = (typeof WEEKDAYS)[number] | 'sat' | 'sun';

export interface BenchPhysician {
  physicianId: string;
  timeZone: string;
  availability: { day: Day; start: string; end: string }[];
  mentoringCapacity: number;
}

export interface BenchPair {
  mentee: BenchPhysician;
  mentor: BenchPhysician;
}

export const schedulingFixtures = (matches: number, seed = 20_261_122) => {
  const rng = new Prng(seed);
  const zoneSampler = new WeightedSampler(ZONES.map(([, weight]) => weight));
  const drawZone = (): string => ZONES[zoneSampler.draw(rng)][0];
  const someWeekdays = (count: number): Day[] =>
    WEEKDAYS.map((day) => ({ day, key: rng.next() }))
      .sort((a, b) => a.key - b.key)
      .slice(0, count)
      .map(({ day }) => day);
  /**
   * A busy physician's week: evenings on three to five weekdays, an early hour before rounds
   * on two or three, a lunch hour on one for some, a weekend morning for half of them.
   */
  const availability = (): BenchPhysician['availability'] => [
    ...someWeekdays(rng.int(3, 5)).map((day) => ({
      day,
      start: `${rng.int(17, 19)}:00`,
      end: `${rng.int(20, 21)}:30`,
    })),
    ...someWeekdays(rng.int(2, 3)).map((day) => ({ day, start: '06:30', end: '08:00' })),
    ...(rng.next() < 0.4
      ? someWeekdays(1).map((day) => ({ day, start: '12:00', end: '13:00' }))
      : []),
    ...(rng.next() < 0.5
      ? [{ day: (rng.next() < 0.5 ? 'sat' : 'sun') as Day, start: '09:00', end: '12:00' }]
      : []),
  ];
  const physician = (physicianId: string, timeZone: string, mentoringCapacity: number) => ({
    physicianId,
    timeZone,
    availability: availability(),
    mentoringCapacity,
  });
  const mentors: BenchPhysician[] = [];
  const places: BenchPhysician[] = [];
  while (places.length < matches) {
    const mentor = physician(`mentor-${mentors.length}`, drawZone(), rng.int(1, 3));
    mentors.push(mentor);
    for (let i = 0; i < mentor.mentoringCapacity; i++) places.push(mentor);
  }
  // 60 % of the pairs share a zone (programs are mostly regional), the rest are anywhere.
  const pairs: BenchPair[] = places.slice(0, matches).map((mentor, i) => ({
    mentor,
    mentee: physician(`mentee-${i}`, rng.next() < 0.6 ? mentor.timeZone : drawZone(), 0),
  }));
  return { mentors, pairs };
};

/** A physician of the fixtures as profiles would announce them (name and email for mails). */
export const registeredPhysician = (
  p: BenchPhysician,
  tenantId: string,
): EventPayload<'medmentor.profiles.physician.registered'> => ({
  ...p,
  tenantId,
  displayName: `Dr ${p.physicianId}`,
  email: `${p.physicianId}@example.org`,
  languages: ['en'],
  specialty: 'internal-medicine',
  careerStage: { stage: 'resident', pgy: 2 },
  interests: [],
  practiceSetting: {},
  takingBreak: false,
  mentorTraining: { completed: true },
  reportingLine: { supervisorIds: [], evaluatorIds: [] },
  version: 1,
});

/** The tenant of the benchmarks, as profiles would announce it. */
export const benchTenant = (
  tenantId: string,
  name = 'Bench Health',
): EventPayload<'medmentor.profiles.tenant.registered'> => ({
  tenantId,
  name,
  slug: tenantId,
  kind: 'health-system',
  timeZone: 'America/New_York',
  status: 'active',
  hospitals: [],
  version: 1,
});

/** The published program of the benchmarks: career mentoring, monthly x 6 then quarterly. */
export const benchProgram = (
  programId: string,
  tenantId: string,
): EventPayload<'medmentor.profiles.program.published'> => ({
  programId,
  tenantId,
  name: 'Bench mentoring',
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
  cadence: [{ every: 'month', count: 6 }, { every: 'quarter' }],
  kickoffWindowDays: 14,
  reminderOffsetsMinutes: [1440, 60],
  cycle: {
    enrollmentOpensAt: '2026-01-01T00:00:00.000Z',
    enrollmentClosesAt: '2026-02-01T00:00:00.000Z',
  },
  version: 1,
});

/** Produces events as their owning service would, 500 to a request, acknowledged by all replicas. */
export const eventSender =
  (producer: Producer, tenantId: string) =>
  async <T extends EventType>(type: T, items: EventPayload<T>[]): Promise<void> => {
    for (let i = 0; i < items.length; i += 500) {
      const events = items
        .slice(i, i + 500)
        .map((data) => createEvent(type, data, { tenantId, source: 'bench' }));
      await producer.send({
        topic: events[0].topic,
        acks: -1,
        messages: events.map((e) => ({ key: e.key, value: JSON.stringify(e.envelope) })),
      });
    }
  };
