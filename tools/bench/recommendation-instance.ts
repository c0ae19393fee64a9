import {
  INTERESTS,
  MENTORING_TOPICS,
  PRACTICE_SETTINGS,
  SPECIALTIES,
  subspecialtiesOf,
} from '@medmentor/domain';
import type { CareerStage, MentorshipRole } from '@medmentor/domain';
import type { ScoringParticipant, ScoringProgram, WeeklyWindow } from '@medmentor/matching-engine';
import { WEEKDAYS } from '@medmentor/matching-engine';
import { Prng, WeightedSampler } from './prng';

const PRIMARY = SPECIALTIES.filter((s) => s.kind === 'specialty');
const ZONES: readonly [string, string, number][] = [
  // zone, country, weight
  ['America/New_York', 'US', 30],
  ['America/Chicago', 'US', 22],
  ['America/Denver', 'US', 6],
  ['America/Phoenix', 'US', 3],
  ['America/Los_Angeles', 'US', 16],
  ['America/Anchorage', 'US', 1],
  ['Pacific/Honolulu', 'US', 1],
  ['America/Toronto', 'CA', 4],
  ['America/Vancouver', 'CA', 2],
  ['Europe/London', 'GB', 2],
];
const LANGUAGES = ['es', 'zh', 'hi', 'ar', 'fr', 'vi', 'ko', 'tl', 'ru', 'pt'];
const MENTOR_ROLES: MentorshipRole[] = ['clinical', 'career', 'wellness'];

const pick = <T>(rng: Prng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)];

function subset<T>(rng: Prng, xs: readonly T[], min: number, max: number): T[] {
  const n = rng.int(min, max);
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Evenings on weekdays and blocks on weekends, in local time. */
function availability(rng: Prng): WeeklyWindow[] {
  return Array.from({ length: rng.int(1, 4) }, () => {
    const weekend = rng.next() < 0.3;
    const day = weekend ? pick(rng, ['sat', 'sun'] as const) : pick(rng, WEEKDAYS.slice(0, 5));
    const start = weekend ? rng.int(16, 64) * 15 : rng.int(68, 84) * 15;
    return { day, start: hhmm(start), end: hhmm(start + rng.int(2, 8) * 15) };
  });
}

interface Draw {
  readonly rng: Prng;
  readonly specialty: WeightedSampler;
  readonly zone: WeightedSampler;
  readonly mentorIds: readonly string[];
}

function physicianOf(d: Draw, id: string, stage: CareerStage) {
  const { rng } = d;
  const spec = PRIMARY[d.specialty.draw(rng)];
  const subs = subspecialtiesOf(spec.code);
  const [timeZone, country] = ZONES[d.zone.draw(rng)];
  const optional = <T>(p: number, value: () => T) => (rng.next() < p ? value() : undefined);
  return {
    id,
    specialty: spec.code,
    ...(subs.length && rng.next() < 0.4 ? { subspecialty: pick(rng, subs).code } : {}),
    careerStage: stage,
    interests: subset(rng, INTERESTS, 1, 5),
    practiceSetting: {
      model: optional(0.9, () => pick(rng, PRACTICE_SETTINGS.model)),
      geography: optional(0.8, () => pick(rng, PRACTICE_SETTINGS.geography)),
      care: optional(0.7, () => pick(rng, PRACTICE_SETTINGS.care)),
    },
    country,
    region: `R${rng.int(1, 12)}`,
    timeZone,
    languages: ['en', ...subset(rng, LANGUAGES, 0, rng.next() < 0.7 ? 0 : 2)],
    availability: availability(rng),
    hospitalId: `h${rng.int(1, 300)}`,
    reportingLine: {
      supervisorIds: rng.next() < 0.05 ? [pick(rng, d.mentorIds)] : [],
      evaluatorIds: rng.next() < 0.05 ? [pick(rng, d.mentorIds)] : [],
    },
    mentorTrainingCompleted: rng.next() < 0.85,
    takingBreak: rng.next() < 0.05,
    capacityLeft: rng.int(0, 4),
  };
}

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(String(n).length, '0')}`);

/**
 * A program with `mentors` mentors and `mentees` mentees drawn from a fixed seed: specialties by a
 * skewed popularity, US-heavy time zones, evening and weekend availability, a few conflicts,
 * exclusions and declined pairs, 15% of mentors without the required training.
 */
export function recommendationInstance(mentors: number, mentees: number, seed: number) {
  const rng = new Prng(seed);
  const mentorIds = ids('m', mentors);
  const d: Draw = {
    rng,
    specialty: new WeightedSampler(PRIMARY.map(() => Math.exp(rng.normal()))),
    zone: new WeightedSampler(ZONES.map((z) => z[2])),
    mentorIds,
  };
  const mentorStages: CareerStage[] = [
    { stage: 'early-career' },
    { stage: 'mid-career' },
    { stage: 'senior' },
  ];
  const menteeStages: CareerStage[] = [
    { stage: 'student' },
    { stage: 'resident', pgy: 1 },
    { stage: 'resident', pgy: 2 },
    { stage: 'resident', pgy: 3 },
    { stage: 'fellow' },
    { stage: 'early-career' },
  ];
  const mentorPool: ScoringParticipant[] = mentorIds.map((id) => ({
    physician: physicianOf(d, id, pick(rng, mentorStages)),
    enrollment: {
      side: 'mentor',
      roles: subset(rng, MENTOR_ROLES, 1, 3),
      topics: subset(rng, MENTORING_TOPICS, 3, 8),
      preferences: { exclusions: rng.next() < 0.01 ? [`e${rng.int(0, mentees - 1)}`] : [] },
      ...(rng.next() < 0.5 ? { capacityLeft: rng.int(0, 3) } : {}),
    },
  }));
  const menteeList: ScoringParticipant[] = ids('e', mentees).map((id) => ({
    physician: physicianOf(d, id, pick(rng, menteeStages)),
    enrollment: {
      side: 'mentee',
      roles: subset(rng, MENTOR_ROLES, 1, 3),
      topics: subset(rng, MENTORING_TOPICS, 1, 5),
      preferences: {
        externalMentorOnly: rng.next() < 0.2,
        preferred: {
          specialties: rng.next() < 0.2 ? [PRIMARY[d.specialty.draw(rng)].code] : [],
          languages: rng.next() < 0.1 ? [pick(rng, LANGUAGES)] : [],
          sameTimeZoneBand: rng.next() < 0.3,
        },
        exclusions: rng.next() < 0.05 ? [pick(rng, mentorIds)] : [],
      },
    },
  }));
  const program: ScoringProgram = {
    weights: {
      specialty: 1,
      careerStage: 0.8,
      interests: 0.6,
      goals: 0.9,
      practiceSetting: 0.4,
      geography: 0.5,
      language: 0.7,
      availability: 0.6,
    },
    rolesOffered: MENTOR_ROLES,
    requirements: { mentorTrainingCompleted: true },
    eligibility: { mentees: {}, mentors: {} },
    declined: Array.from({ length: mentees }, () => ({
      mentee: pick(rng, menteeList).physician.id,
      mentor: pick(rng, mentorIds),
    })),
  };
  return { mentors: mentorPool, mentees: menteeList, program };
}
