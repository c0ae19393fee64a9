/** A seeded physician CSV in the import format (see the profiles README): same seed, same file. */
import { INTERESTS, npiCheckDigit, PRACTICE_SETTINGS, SPECIALTIES } from '@medmentor/domain';
import { FAMILY_NAMES as FAMILY, GIVEN_NAMES as GIVEN } from '../synthetic/physicians';
import { csvFile, type CsvRow } from '../synthetic/physicians-csv';
import { Prng } from './prng';

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
const rowOf = (rng: Prng, i: number, domain: string): CsvRow => {
  const stage = pick(rng, STAGES);
  const [city, region, zone] = pick(rng, PLACES);
  const interests = [pick(rng, INTERESTS), pick(rng, INTERESTS)].filter(
    (v, k, a) => a.indexOf(v) === k,
  );
  return {
    given_name: pick(rng, GIVEN),
    family_name: pick(rng, FAMILY),
    email: `physician${i}@${domain}`,
    npi: stage === 'student' ? '' : npiOf(i),
    specialty: pick(rng, PRIMARY),
    career_stage: stage,
    pgy: stage === 'resident' ? String(rng.int(1, 7)) : '',
    years_in_practice: yearsInPractice(rng, stage),
    city,
    region,
    country: 'US',
    time_zone: zone,
    languages: pick(rng, LANGUAGES),
    interests: interests.join(';'),
    goals: 'Grow as a teacher;Publish',
    practice_model: pick(rng, PRACTICE_SETTINGS.model),
    practice_geography: pick(rng, PRACTICE_SETTINGS.geography),
    practice_care: pick(rng, PRACTICE_SETTINGS.care),
    bio: 'Physician who enjoys teaching, research and mentoring, with ten years of service.',
    mentoring_capacity: String(rng.int(0, 4)),
    taking_break: rng.next() < 0.05 ? 'yes' : 'no',
  };
};

/** `count` physicians with distinct emails and NPIs (students have no NPI), seeded. */
export const physicianCsv = (
  count: number,
  seed = 20261122,
  domain = 'bench.example.org',
): string => {
  const rng = new Prng(seed);
  const rows: CsvRow[] = [];
  for (let i = 1; i <= count; i++) rows.push(rowOf(rng, i, domain));
  return csvFile(rows);
};
