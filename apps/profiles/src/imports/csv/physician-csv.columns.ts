/**
 * The columns of a physician CSV file (header row required, UTF-8, comma-separated,
 * RFC 4180 quoting). List-valued columns separate values with `;`.
 */
export const CSV_COLUMNS = [
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

export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = [
  'given_name',
  'family_name',
  'email',
  'specialty',
  'career_stage',
  'time_zone',
];

/** Which input field a column feeds, so a rejected field is reported by its column. */
export const COLUMN_OF_FIELD: Record<string, CsvColumn> = {
  givenName: 'given_name',
  familyName: 'family_name',
  email: 'email',
  phone: 'phone',
  npi: 'npi',
  specialty: 'specialty',
  subspecialty: 'subspecialty',
  'careerStage.stage': 'career_stage',
  careerStage: 'career_stage',
  'careerStage.pgy': 'pgy',
  'careerStage.yearsInPractice': 'years_in_practice',
  hospitalId: 'hospital_id',
  institution: 'institution',
  department: 'department',
  'location.city': 'city',
  'location.region': 'region',
  'location.country': 'country',
  timeZone: 'time_zone',
  languages: 'languages',
  interests: 'interests',
  goals: 'goals',
  'practiceSetting.model': 'practice_model',
  'practiceSetting.geography': 'practice_geography',
  'practiceSetting.care': 'practice_care',
  bio: 'bio',
  mentoringCapacity: 'mentoring_capacity',
  takingBreak: 'taking_break',
  'mentorTraining.completed': 'mentor_training_completed',
  'mentorTraining.completedAt': 'mentor_training_completed_at',
  'reportingLine.supervisorIds': 'supervisor_ids',
  'reportingLine.evaluatorIds': 'evaluator_ids',
  availability: 'availability',
};

/** The column a rejected field came from (`availability.2.end` came from `availability`). */
export const columnOfField = (field: string): string =>
  COLUMN_OF_FIELD[field] ?? (field.startsWith('availability.') ? 'availability' : field);
