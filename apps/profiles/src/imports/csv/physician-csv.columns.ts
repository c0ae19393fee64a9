import {
  PHYSICIAN_CSV_COLUMNS,
  REQUIRED_PHYSICIAN_CSV_COLUMNS,
  type PhysicianCsvColumn,
} from '@medmentor/domain';

/** The columns of the import file; the list is shared (`@medmentor/domain`). */
export const CSV_COLUMNS = PHYSICIAN_CSV_COLUMNS;
export type CsvColumn = PhysicianCsvColumn;
export const REQUIRED_CSV_COLUMNS = REQUIRED_PHYSICIAN_CSV_COLUMNS;

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

/**
 * The column a rejected field came from: `availability.2.end` from `availability`,
 * `reportingLine.supervisorIds.0` from `supervisor_ids`.
 */
export const columnOfField = (field: string): string => {
  const listField = field.replace(/\.\d+(\..*)?$/, '');
  return COLUMN_OF_FIELD[field] ?? COLUMN_OF_FIELD[listField] ?? field;
};
