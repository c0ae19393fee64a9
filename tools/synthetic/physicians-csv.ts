// Synthetic physicians as a file for the profiles CSV import (the columns are listed in the
// profiles README, "Imports"): the same people `generatePhysicians` gives, in bulk.
import { PHYSICIAN_CSV_COLUMNS, type PhysicianCsvColumn } from '@medmentor/domain';
import type { PhysicianBody } from './physicians';

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const field = (value: string | number | boolean | undefined): string => {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** `mon 18:00-20:00;sat 09:00-12:00`, the import's way of writing a week. */
export const weekAsCsv = (windows: PhysicianBody['availability']): string =>
  windows.map((w) => `${w.day} ${w.start}-${w.end}`).join(';');

/** One row: a value per column, the missing ones left empty. */
export type CsvRow = Partial<Record<PhysicianCsvColumn, string | number | boolean>>;

/** A file in the import's format (every column, header first) of `rows`. */
export const csvFile = (rows: readonly CsvRow[]): string =>
  [
    PHYSICIAN_CSV_COLUMNS.join(','),
    ...rows.map((row) => PHYSICIAN_CSV_COLUMNS.map((column) => field(row[column])).join(',')),
  ].join('\n') + '\n';

const rowOf = (body: PhysicianBody, supervisorId?: string): CsvRow => {
  const stage = body.careerStage;
  return {
    given_name: body.givenName,
    family_name: body.familyName,
    email: body.email,
    npi: body.npi,
    specialty: body.specialty,
    career_stage: stage.stage,
    pgy: 'pgy' in stage ? stage.pgy : undefined,
    years_in_practice: 'yearsInPractice' in stage ? stage.yearsInPractice : undefined,
    hospital_id: body.hospitalId,
    institution: body.institution,
    city: body.location.city,
    region: body.location.region,
    country: body.location.country,
    time_zone: body.timeZone,
    languages: body.languages.join(';'),
    interests: body.interests.join(';'),
    goals: body.goals.join(';'),
    practice_model: body.practiceSetting.model,
    practice_geography: body.practiceSetting.geography,
    practice_care: body.practiceSetting.care,
    mentoring_capacity: body.mentoringCapacity,
    taking_break: body.takingBreak,
    mentor_training_completed: body.mentorTraining.completed,
    supervisor_ids: supervisorId,
    evaluator_ids: supervisorId,
    availability: weekAsCsv(body.availability),
  };
};

/**
 * A CSV file of `people` with a header row. `supervisorId` gives the profile id of a
 * physician's supervisor (also their evaluator) when they have one.
 */
export const physiciansCsv = (
  people: readonly { body: PhysicianBody; supervisorId?: string }[],
): string => csvFile(people.map((p) => rowOf(p.body, p.supervisorId)));
