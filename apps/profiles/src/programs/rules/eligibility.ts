import {
  findSpecialty,
  type CareerStageName,
  type EnrollmentRole,
  type SpecialtyCode,
} from '@medmentor/domain';
import type { Eligibility, ProgramRequirements } from '../program-settings';

export interface Candidate {
  role: EnrollmentRole;
  careerStage: CareerStageName;
  /** The physician's specialty and subspecialties. */
  specialties: readonly SpecialtyCode[];
  mentorTrainingCompleted: boolean;
}

export type IneligibilityReason = 'career-stage' | 'specialty' | 'mentor-training';

export interface EligibilityResult {
  eligible: boolean;
  reasons: { code: IneligibilityReason; message: string }[];
}

/** A physician's codes admitted by a list: the code itself, or the primary specialty of a subspecialty. */
const specialtyAdmitted = (
  allowed: readonly SpecialtyCode[],
  codes: readonly SpecialtyCode[],
): boolean =>
  codes.some(
    (code) =>
      allowed.includes(code) || allowed.some((entry) => findSpecialty(code)?.parent === entry),
  );

/**
 * Whether a physician may enrol in a program in a role. Mentees and peers are held to the
 * mentee rules, mentors to the mentor rules and the training requirement. An empty list
 * restricts nothing.
 */
export const checkEligibility = (
  program: { eligibility: Eligibility; requirements: ProgramRequirements },
  candidate: Candidate,
): EligibilityResult => {
  const side =
    candidate.role === 'mentor' ? program.eligibility.mentors : program.eligibility.mentees;
  const reasons: EligibilityResult['reasons'] = [];
  if (side.careerStages.length > 0 && !side.careerStages.includes(candidate.careerStage)) {
    reasons.push({
      code: 'career-stage',
      message: `the program takes ${candidate.role}s who are ${side.careerStages.join(', ')}`,
    });
  }
  if (side.specialties.length > 0 && !specialtyAdmitted(side.specialties, candidate.specialties)) {
    reasons.push({
      code: 'specialty',
      message: `the program takes ${candidate.role}s in ${side.specialties.join(', ')}`,
    });
  }
  if (
    candidate.role === 'mentor' &&
    program.requirements.mentorTrainingCompleted &&
    !candidate.mentorTrainingCompleted
  ) {
    reasons.push({
      code: 'mentor-training',
      message: 'the program requires mentors to have completed mentor training',
    });
  }
  return { eligible: reasons.length === 0, reasons };
};
