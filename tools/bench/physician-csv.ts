/** A seeded physician CSV in the import format (see the profiles README): same seed, same file. */
import { INTERESTS, npiCheckDigit, PRACTICE_SETTINGS, SPECIALTIES } from '@medmentor/domain';
import { FAMILY_NAMES as FAMILY, GIVEN_NAMES as GIVEN } from '../synthetic/physicians';
import { Prng } from './prng';

const HEADER = [
  'given_name',
  'family_name',
  'email',
  'npi',
  'specialty',
  'career_stage',
  'pgy',
  'years_in_practice',
  'city',
  'region',
  'country',
  'time_zone',
  'languages',
  'interests',
  'goals',
  'practice_model',
  'practice_geography',
  'practice_care',
  'bio',
  'mentoring_capacity',
  'taking_break',
];

const PLACES = [
  ['Chicago', 'IL', 'America/Chicago'],
  ['Boston', 'MA', 'America/New_York'],
  ['Denver', 'CO', 'America/Denver'],
  ['Seattle', 'WA', 'America/Los_Angeles'],
  ['Houston', 'TX', 'America/Chicago'],
  ['Atlanta', 'GA', 'America/New_York'],
] as const;
const LANGUAGES = ['en', 'en;es', 'en;zh', 'en;fr', 'en;hi'];
const STAGES = ['student', 'resident', 'fellow', 'early-career', 'mid-career', 'senior'] as const;
const PRIMARY = SPECIALTIES.filter((s) => s.kind === 'specialty').map((s) => s.code);

const pick = <T>(rng: Prng, items: readonly T[]): T => items[rng.int(0, items.length - 1)];

const npiOf = (i: number): string => {
  const first9 = `1${String(i).padStart(8, '0')}`;
  return `${first9}${npiCheckDigit(first9)}`;
};

const yearsInPractice = (rng: Prng, stage: (typeof STAGES)[number]): string => {
  if (stage === 'early-career') return String(rng.int(0, 5));
  return stage === 'mid-career' || stage === 'senior' ? String(rng.int(6, 40)) : '';
};

/** One row for physician `i`. */
const rowOf = (rng: Prng, i: number, domain: string): string => {
  const stage = pick(rng, STAGES);
  const [city, region, zone] = pick(rng, PLACES);
  const interests = [pick(rng, INTERESTS), pick(rng, INTERESTS)].filter(
    (v, k, a) => a.indexOf(v) === k,
  );
  return [
    pick(rng, GIVEN),
    pick(rng, FAMILY),
    `physician${i}@${domain}`,
    stage === 'student' ? '' : npiOf(i),
    pick(rng, PRIMARY),
    stage,
    stage === 'resident' ? String(rng.int(1, 7)) : '',
    yearsInPractice(rng, stage),
    city,
    region,
    'US',
    zone,
    pick(rng, LANGUAGES),
    interests.join(';'),
    'Grow as a teacher;Publish',
    pick(rng, PRACTICE_SETTINGS.model),
    pick(rng, PRACTICE_SETTINGS.geography),
    pick(rng, PRACTICE_SETTINGS.care),
    '"Physician who enjoys teaching, research and mentoring, with ten years of service."',
    String(rng.int(0, 4)),
    rng.next() < 0.05 ? 'yes' : 'no',
  ].join(',');
};

/** `count` physicians with distinct emails and NPIs (students have no NPI), seeded. */
export const physicianCsv = (
  count: number,
  seed = 20261122,
  domain = 'bench.example.org',
): string => {
  const rng = new Prng(seed);
  const lines = [HEADER.join(',')];
  for (let i = 1; i <= count; i++) lines.push(rowOf(rng, i, domain));
  return `${lines.join('\n')}\n`;
};
