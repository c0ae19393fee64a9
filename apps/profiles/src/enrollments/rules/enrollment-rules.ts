import type { EnrollmentPreferences } from '@medmentor/contracts';
import type {
  CareerStageName,
  EnrollmentRole,
  MentorshipRole,
  SpecialtyCode,
} from '@medmentor/domain';
import type { FieldError } from '@medmentor/platform';
import type {
  Eligibility,
  ProgramRequirements,
  RoleOffered,
} from '../../programs/program-settings';
import { checkEligibility } from '../../programs/rules/eligibility';

// What an enrollment must satisfy against its program and the physician's profile. Pure.

export interface EnrollingProgram {
  rolesOffered: readonly RoleOffered[];
  eligibility: Eligibility;
  requirements: ProgramRequirements;
}

export interface EnrollingPhysician {
  physicianId: string;
  careerStage: CareerStageName;
  specialty: SpecialtyCode;
  subspecialty?: SpecialtyCode;
  mentoringCapacity: number;
  mentorTrainingCompleted: boolean;
}

export interface EnrollmentTerms {
  side: EnrollmentRole;
  roles: readonly MentorshipRole[];
  preferences: EnrollmentPreferences;
  capacity?: number;
}

/** Problems with the roles, preferences and capacity of an enrollment (create and update). */
export const termsIssues = (
  program: Pick<EnrollingProgram, 'rolesOffered'>,
  physician: Pick<EnrollingPhysician, 'physicianId' | 'mentoringCapacity'>,
  terms: EnrollmentTerms,
): FieldError[] => {
  const issues: FieldError[] = [];
  const offered = program.rolesOffered.map((entry) => entry.role);
  terms.roles.forEach((role, index) => {
    if (!offered.includes(role))
      issues.push({
        field: `roles[${index}]`,
        message: `is not offered by this program (offered: ${offered.join(', ') || 'none'})`,
      });
  });
  if (terms.side === 'peer' && terms.roles.some((role) => role !== 'peer'))
    issues.push({ field: 'roles', message: 'a peer enrolls for the peer role only' });
  if (terms.side === 'mentor') {
    if (terms.preferences.externalMentorOnly)
      issues.push({
        field: 'preferences.externalMentorOnly',
        message: 'is for mentees and peers only',
      });
    if (terms.capacity === undefined)
      issues.push({
        field: 'capacity',
        message: `is required for a mentor; the profile allows at most ${physician.mentoringCapacity}`,
      });
    else if (terms.capacity > physician.mentoringCapacity)
      issues.push({
        field: 'capacity',
        message: `must not exceed the profile's mentoring capacity ${physician.mentoringCapacity}`,
      });
  } else if (terms.capacity !== undefined) {
    issues.push({ field: 'capacity', message: 'is for mentors only' });
  }
  terms.preferences.exclusions.forEach((id, index) => {
    if (id === physician.physicianId)
      issues.push({
        field: `preferences.exclusions[${index}]`,
        message: 'is the physician themself',
      });
  });
  return issues;
};

/** The program's eligibility rules for the side taken, as field errors about the profile. */
export const eligibilityIssues = (
  program: Pick<EnrollingProgram, 'eligibility' | 'requirements'>,
  physician: EnrollingPhysician,
  side: EnrollmentRole,
): FieldError[] => {
  const result = checkEligibility(program, {
    role: side,
    careerStage: physician.careerStage,
    specialties: [physician.specialty, ...(physician.subspecialty ? [physician.subspecialty] : [])],
    mentorTrainingCompleted: physician.mentorTrainingCompleted,
  });
  const field = {
    'career-stage': 'careerStage',
    specialty: 'specialty',
    'mentor-training': 'mentorTraining',
  };
  return result.reasons.map((reason) => ({
    field: `physician.${field[reason.code]}`,
    message: reason.message,
  }));
};

/** The capacity a mentor gets when none is sent: the profile's whole mentoring capacity. */
export const defaultCapacity = (
  side: EnrollmentRole,
  sent: number | undefined,
  mentoringCapacity: number,
): number | undefined =>
  side !== 'mentor' ? sent : (sent ?? (mentoringCapacity > 0 ? mentoringCapacity : undefined));
