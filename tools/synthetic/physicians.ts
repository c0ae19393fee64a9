// Seeded synthetic physicians for demos and benchmarks: the body of `POST /api/v1/physicians`
// for each, with a plausible US mix of specialties (from the shipped ABMS taxonomy), career
// stages, time zones, languages, interests and a busy clinician's weekly availability. The
// same seed gives the same people on every machine.
import {
  INTERESTS,
  isSpecialtyCode,
  npiCheckDigit,
  subspecialtiesOf,
  type CareerStage,
} from '@medmentor/domain';
import { Prng, WeightedSampler } from './prng';

/** Share of US physicians per primary specialty, roughly as in workforce surveys. */
const SPECIALTY_WEIGHTS: readonly (readonly [string, number])[] = (
  [
    ['internal-medicine', 22],
    ['family-medicine', 13],
    ['pediatrics', 8],
    ['emergency-medicine', 6],
    ['anesthesiology', 6],
    ['psychiatry', 5],
    ['obstetrics-and-gynecology', 5],
    ['surgery', 4],
    ['diagnostic-radiology', 4],
    ['orthopaedic-surgery', 3],
    ['neurology', 2.5],
    ['pathology', 2],
    ['dermatology', 1.5],
    ['ophthalmology', 2],
    ['urology', 1.2],
    ['otolaryngology-head-and-neck-surgery', 1.2],
    ['physical-medicine-and-rehabilitation', 1],
    ['radiation-oncology', 0.6],
    ['neurological-surgery', 0.7],
    ['plastic-surgery', 0.6],
    ['vascular-surgery', 0.4],
    ['thoracic-and-cardiac-surgery', 0.5],
    ['allergy-and-immunology', 0.5],
    ['child-neurology', 0.3],
    ['interventional-radiology', 0.4],
  ] as const
).filter(([code]) => isSpecialtyCode(code));

/** Training and attending stages in a health system's physician roster. */
const STAGE_WEIGHTS: readonly (readonly [CareerStage['stage'], number])[] = [
  ['student', 4],
  ['resident', 22],
  ['fellow', 8],
  ['early-career', 20],
  ['mid-career', 28],
  ['senior', 18],
];

/** Where physicians practise: city, state and IANA zone, weighted by population. */
export const PLACES: readonly (readonly [string, string, string, number])[] = [
  ['Boston', 'MA', 'America/New_York', 8],
  ['New York', 'NY', 'America/New_York', 14],
  ['Philadelphia', 'PA', 'America/New_York', 6],
  ['Atlanta', 'GA', 'America/New_York', 6],
  ['Miami', 'FL', 'America/New_York', 5],
  ['Chicago', 'IL', 'America/Chicago', 9],
  ['Houston', 'TX', 'America/Chicago', 7],
  ['Minneapolis', 'MN', 'America/Chicago', 4],
  ['Nashville', 'TN', 'America/Chicago', 3],
  ['Denver', 'CO', 'America/Denver', 4],
  ['Phoenix', 'AZ', 'America/Phoenix', 4],
  ['Salt Lake City', 'UT', 'America/Denver', 2],
  ['Los Angeles', 'CA', 'America/Los_Angeles', 10],
  ['San Francisco', 'CA', 'America/Los_Angeles', 6],
  ['Seattle', 'WA', 'America/Los_Angeles', 5],
  ['Anchorage', 'AK', 'America/Anchorage', 0.5],
  ['Honolulu', 'HI', 'Pacific/Honolulu', 1],
];

export const GIVEN_NAMES = [
  'Ana',
  'Ben',
  'Chinwe',
  'Dmitri',
  'Elena',
  'Farah',
  'Gustavo',
  'Hana',
  'Ivan',
  'Jin',
  'Kavya',
  'Luis',
  'Maya',
  'Noah',
  'Olu',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Victor',
  'Wei',
  'Yara',
  'Zoe',
];
export const FAMILY_NAMES = [
  'García',
  'Li',
  'Okafor',
  'Petrov',
  'Rossi',
  'Khan',
  'Silva',
  'Sato',
  'Novak',
  'Kim',
  'Nguyen',
  'Patel',
  'Cohen',
  'Johnson',
  'Smith',
  'Brown',
  'Müller',
  'Haddad',
  'Mensah',
  'Dubois',
];
const SECOND_LANGUAGES: readonly (readonly [string, number])[] = [
  ['es', 12],
  ['zh', 3],
  ['hi', 3],
  ['fr', 2],
  ['ar', 2],
  ['vi', 1],
  ['ko', 1],
  ['pt', 1],
];
const GOALS = [
  'Find a first attending job',
  'Negotiate a fair contract',
  'Publish my first paper',
  'Lead a quality-improvement project',
  'Become a better teacher',
  'Balance work and family',
  'Prepare for boards',
  'Get promoted',
];

type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const WEEKDAYS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export interface PhysicianBody {
  givenName: string;
  familyName: string;
  email: string;
  npi?: string;
  specialty: string;
  careerStage: CareerStage;
  hospitalId?: string;
  institution?: string;
  location: { city: string; region: string; country: string };
  timeZone: string;
  languages: string[];
  interests: string[];
  goals: string[];
  practiceSetting: { model: string; geography: string; care: string };
  availability: { day: Day; start: string; end: string }[];
  mentoringCapacity: number;
  takingBreak: boolean;
  mentorTraining: { completed: boolean };
  reportingLine?: { supervisorIds: string[]; evaluatorIds: string[] };
}

export interface SyntheticPhysician {
  /** Position in the generated list. */
  index: number;
  body: PhysicianBody;
  /**
   * Index of this physician's supervisor (a department chief generated earlier in the list),
   * for reporting lines and conflicts of interest; undefined for the chiefs themselves.
   */
  supervisorIndex?: number;
}

export interface PhysicianOptions {
  count: number;
  seed: number;
  /** Domain of the generated addresses, e.g. `northlake.example.org`. */
  emailDomain: string;
  /** Hospitals of a health system: physicians are spread over them, practising in one city each. */
  hospitals?: readonly {
    id: string;
    name: string;
    city: string;
    region: string;
    timeZone: string;
  }[];
  /** Restrict career stages (e.g. a national mentee pool of trainees). */
  stages?: readonly CareerStage['stage'][];
  /** First NPI serial, so two generated populations do not share NPIs. */
  npiBase?: number;
}

const pick = <T>(rng: Prng, items: readonly T[]): T => items[rng.int(0, items.length - 1)];

const weighted = <T>(entries: readonly (readonly [T, number])[]) => {
  const sampler = new WeightedSampler(entries.map(([, weight]) => weight));
  return (rng: Prng): T => entries[sampler.draw(rng)][0];
};

const npiOf = (serial: number): string => {
  const first9 = `1${String(serial % 1e8).padStart(8, '0')}`;
  return `${first9}${npiCheckDigit(first9)}`;
};

const careerStage = (rng: Prng, stage: CareerStage['stage']): CareerStage => {
  switch (stage) {
    case 'resident':
      return { stage, pgy: rng.int(1, 5) };
    case 'early-career':
      return { stage, yearsInPractice: rng.int(0, 5) };
    case 'mid-career':
      return { stage, yearsInPractice: rng.int(6, 19) };
    case 'senior':
      return { stage, yearsInPractice: rng.int(20, 40) };
    default:
      return { stage };
  }
};

/** Some weekdays, in a random order, without repeats. */
const someDays = (rng: Prng, count: number): Day[] =>
  WEEKDAYS.map((day) => ({ day, key: rng.next() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, count)
    .map(({ day }) => day);

/** A busy clinician's week in their own zone: evenings, early mornings, some lunches and weekends. */
const availability = (rng: Prng): PhysicianBody['availability'] => [
  ...someDays(rng, rng.int(2, 4)).map((day) => ({
    day,
    start: `${rng.int(17, 18)}:00`,
    end: `${rng.int(20, 21)}:00`,
  })),
  ...someDays(rng, rng.int(1, 3)).map((day) => ({ day, start: '06:30', end: '08:00' })),
  ...(rng.next() < 0.4
    ? someDays(rng, 1).map((day) => ({ day, start: '12:00', end: '13:00' }))
    : []),
  ...(rng.next() < 0.5
    ? [{ day: (rng.next() < 0.5 ? 'sat' : 'sun') as Day, start: '09:00', end: '12:00' }]
    : []),
];

const isAttending = (stage: CareerStage['stage']): boolean =>
  stage === 'early-career' || stage === 'mid-career' || stage === 'senior';

/**
 * `count` physicians. In a health system, about one in forty attendings is a department chief
 * (generated first) and every other physician of the same hospital and specialty family reports
 * to one of them.
 */
export const generatePhysicians = (options: PhysicianOptions): SyntheticPhysician[] => {
  const rng = new Prng(options.seed);
  const drawSpecialty = weighted(SPECIALTY_WEIGHTS);
  const drawStage = weighted(
    STAGE_WEIGHTS.filter(([stage]) => !options.stages || options.stages.includes(stage)),
  );
  const drawPlace = weighted(
    PLACES.map(([city, region, zone, weight]) => [[city, region, zone] as const, weight] as const),
  );
  const drawLanguage = weighted(SECOND_LANGUAGES);
  const chiefs = new Map<string, number[]>();
  const people: SyntheticPhysician[] = [];
  for (let index = 0; index < options.count; index++) {
    const stage = drawStage(rng);
    const primary = drawSpecialty(rng);
    const subs = subspecialtiesOf(primary);
    const subspecialize =
      (stage === 'fellow' || isAttending(stage)) && subs.length > 0 && rng.next() < 0.3;
    const hospital = options.hospitals ? pick(rng, options.hospitals) : undefined;
    const [city, region, timeZone] = hospital
      ? [hospital.city, hospital.region, hospital.timeZone]
      : drawPlace(rng);
    const interests = [
      ...new Set([
        pick(rng, INTERESTS),
        pick(rng, INTERESTS),
        ...(rng.next() < 0.5 ? [pick(rng, INTERESTS)] : []),
      ]),
    ];
    const languages = ['en', ...(rng.next() < 0.3 ? [drawLanguage(rng)] : [])];
    const given = pick(rng, GIVEN_NAMES);
    const family = pick(rng, FAMILY_NAMES);
    const body: PhysicianBody = {
      givenName: given,
      familyName: family,
      email:
        `${given}.${family}.${index}`
          .normalize('NFD')
          .replace(/[^A-Za-z0-9.]/g, '')
          .toLowerCase() + `@${options.emailDomain}`,
      ...(stage !== 'student' && { npi: npiOf((options.npiBase ?? 1_000_000) + index) }),
      specialty: subspecialize ? pick(rng, subs).code : primary,
      careerStage: careerStage(rng, stage),
      ...(hospital && { hospitalId: hospital.id, institution: hospital.name }),
      location: { city, region, country: 'US' },
      timeZone,
      languages,
      interests,
      goals: [pick(rng, GOALS)],
      practiceSetting: {
        model: pick(rng, ['academic', 'community', 'hybrid']),
        geography: pick(rng, ['urban', 'urban', 'suburban', 'rural']),
        care: pick(rng, ['inpatient', 'outpatient', 'mixed']),
      },
      availability: availability(rng),
      mentoringCapacity: isAttending(stage)
        ? rng.int(1, stage === 'early-career' ? 2 : 3)
        : stage === 'fellow'
          ? 1
          : 0,
      takingBreak: isAttending(stage) && rng.next() < 0.03,
      mentorTraining: { completed: isAttending(stage) && rng.next() < 0.85 },
    };
    const unit = `${hospital?.id ?? region}:${primary}`;
    const unitChiefs = chiefs.get(unit) ?? [];
    let supervisorIndex: number | undefined;
    if (options.hospitals && stage === 'senior' && unitChiefs.length === 0)
      chiefs.set(unit, [index]);
    else if (options.hospitals && unitChiefs.length > 0) supervisorIndex = pick(rng, unitChiefs);
    people.push({ index, body, ...(supervisorIndex !== undefined && { supervisorIndex }) });
  }
  return people;
};
