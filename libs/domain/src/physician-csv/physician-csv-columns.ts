/**
 * The columns of a physician CSV file (header row required, UTF-8, comma-separated,
 * RFC 4180 quoting) that the profiles import reads. List-valued columns separate values with
 * `;`; `availability` is written `mon 18:00-20:00;sat 09:00-12:00`.
 */
export const PHYSICIAN_CSV_COLUMNS = [
  'given_name',
  'family_name',
  'email',
  'phone',
  'npi',
  'specialty',
  'subspecialty',
  'career_stage',
  'pgy',
  'years_in_practice',
  'hospital_id',
  'institution',
  'department',
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
  'mentor_training_completed',
  'mentor_training_completed_at',
  'supervisor_ids',
  'evaluator_ids',
  'availability',
] as const;

export type PhysicianCsvColumn = (typeof PHYSICIAN_CSV_COLUMNS)[number];

export const REQUIRED_PHYSICIAN_CSV_COLUMNS: readonly PhysicianCsvColumn[] = [
  'given_name',
  'family_name',
  'email',
  'specialty',
  'career_stage',
  'time_zone',
];
