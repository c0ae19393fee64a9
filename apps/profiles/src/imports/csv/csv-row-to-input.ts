import type { CsvColumn } from './physician-csv.columns';

export type CsvRecord = Partial<Record<CsvColumn, string>>;

const blank = (value: string | undefined): value is undefined =>
  value === undefined || value.trim() === '';

const list = (value: string | undefined): string[] | undefined =>
  blank(value)
    ? undefined
    : value
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item !== '');

/** Numbers stay strings when they are not numbers, so the schema names the field. */
const int = (value: string | undefined): number | string | undefined => {
  if (blank(value)) return undefined;
  return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
};

const bool = (value: string | undefined): boolean | string | undefined => {
  if (blank(value)) return undefined;
  const normal = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(normal)) return true;
  if (['false', 'no', 'n', '0'].includes(normal)) return false;
  return value;
};

const text = (value: string | undefined): string | undefined =>
  blank(value) ? undefined : value.trim();

/** One weekly window written `mon 18:00-20:00` (day, local start, local end). */
const WINDOW = /^([A-Za-z]{3})\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/;

const padTime = (time: string): string => time.padStart(5, '0');

/**
 * `mon 18:00-20:00;sat 09:00-12:00`. An item in another shape is kept as its text, so the row
 * is rejected naming it (see `parsePhysicianCsv`).
 */
const availability = (value: string | undefined): (Record<string, string> | string)[] | undefined =>
  list(value)?.map((item) => {
    const window = WINDOW.exec(item);
    return window
      ? { day: window[1].toLowerCase(), start: padTime(window[2]), end: padTime(window[3]) }
      : item;
  });

const compact = (value: Record<string, unknown>): Record<string, unknown> | undefined => {
  const kept = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  return Object.keys(kept).length > 0 ? kept : undefined;
};

/** Turns one CSV record into the shape the physician schema validates (no validation here). */
export const csvRowToInput = (row: CsvRecord): Record<string, unknown> => {
  const training = bool(row.mentor_training_completed);
  const candidate: Record<string, unknown> = {
    givenName: text(row.given_name),
    familyName: text(row.family_name),
    email: text(row.email),
    phone: text(row.phone),
    npi: text(row.npi),
    specialty: text(row.specialty),
    subspecialty: text(row.subspecialty),
    careerStage: compact({
      stage: text(row.career_stage),
      pgy: int(row.pgy),
      yearsInPractice: int(row.years_in_practice),
    }),
    hospitalId: text(row.hospital_id),
    institution: text(row.institution),
    department: text(row.department),
    location: compact({
      city: text(row.city),
      region: text(row.region),
      country: text(row.country),
    }),
    timeZone: text(row.time_zone),
    languages: list(row.languages),
    interests: list(row.interests),
    goals: list(row.goals),
    practiceSetting: compact({
      model: text(row.practice_model),
      geography: text(row.practice_geography),
      care: text(row.practice_care),
    }),
    bio: text(row.bio),
    mentoringCapacity: int(row.mentoring_capacity),
    takingBreak: bool(row.taking_break),
    mentorTraining:
      training === undefined
        ? undefined
        : compact({ completed: training, completedAt: text(row.mentor_training_completed_at) }),
    reportingLine: compact({
      supervisorIds: list(row.supervisor_ids),
      evaluatorIds: list(row.evaluator_ids),
    }),
    availability: availability(row.availability),
  };
  return Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
};
