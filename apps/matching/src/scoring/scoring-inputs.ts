import type { ProgramConfig } from '@medmentor/contracts';
import type {
  DeclinedPair,
  ScoringParticipant,
  ScoringPhysician,
  ScoringProgram,
} from '@medmentor/matching-engine';
import type { EnrollmentFact } from '../read-model/schemas/enrollment-fact.schema';
import type { PhysicianFact } from '../read-model/schemas/physician-fact.schema';

/** Places already taken by live matches (proposed, accepted or active). */
export interface LiveLoad {
  /** As a mentor, across every program of the tenant, by physician id. */
  readonly byPhysician: ReadonlyMap<string, number>;
  /** As a provider in the program at hand, by enrollment id. */
  readonly byEnrollment: ReadonlyMap<string, number>;
}

export const NO_LOAD: LiveLoad = { byPhysician: new Map(), byEnrollment: new Map() };

/** Why an enrollment cannot take part: its physician was never heard of, or was erased. */
export type LeftOut = { enrollmentId: string; reason: 'no-profile' | 'erased' };

const scoringPhysician = (fact: PhysicianFact, load: LiveLoad): ScoringPhysician | undefined => {
  if (fact.erased || fact.specialty === undefined || fact.careerStage === undefined)
    return undefined;
  return {
    id: fact.physicianId,
    specialty: fact.specialty,
    ...(fact.subspecialty !== undefined && { subspecialty: fact.subspecialty }),
    careerStage: fact.careerStage,
    interests: fact.interests ?? [],
    practiceSetting: fact.practiceSetting ?? {},
    ...(fact.country !== undefined && { country: fact.country }),
    ...(fact.region !== undefined && { region: fact.region }),
    timeZone: fact.timeZone ?? 'UTC',
    languages: fact.languages ?? [],
    availability: fact.availability ?? [],
    ...(fact.hospitalId !== undefined && { hospitalId: fact.hospitalId }),
    ...(fact.institution !== undefined && { institution: fact.institution }),
    reportingLine: fact.reportingLine ?? { supervisorIds: [], evaluatorIds: [] },
    mentorTrainingCompleted: fact.mentorTrainingCompleted ?? false,
    takingBreak: fact.takingBreak ?? false,
    capacityLeft: Math.max(
      0,
      (fact.mentoringCapacity ?? 0) - (load.byPhysician.get(fact.physicianId) ?? 0),
    ),
  };
};

/** An enrollment and its physician as the engine scores them, or why it cannot be. */
export const scoringParticipant = (
  enrollment: EnrollmentFact,
  physician: PhysicianFact | undefined,
  load: LiveLoad,
): ScoringParticipant | LeftOut => {
  const enrollmentId = enrollment.enrollmentId;
  if (physician === undefined) return { enrollmentId, reason: 'no-profile' };
  const scored = scoringPhysician(physician, load);
  if (scored === undefined || enrollment.side === undefined)
    return { enrollmentId, reason: physician.erased ? 'erased' : 'no-profile' };
  const used = load.byEnrollment.get(enrollmentId) ?? 0;
  return {
    physician: scored,
    enrollment: {
      side: enrollment.side,
      roles: enrollment.roles ?? [],
      topics: enrollment.topics ?? [],
      ...(enrollment.preferences !== undefined && { preferences: enrollment.preferences }),
      ...(enrollment.capacity !== undefined && {
        capacityLeft: Math.max(0, enrollment.capacity - used),
      }),
    },
  };
};

export const isLeftOut = (value: ScoringParticipant | LeftOut): value is LeftOut =>
  'reason' in value;

/** The program as the engine scores in it. */
export const scoringProgram = (
  config: ProgramConfig,
  declined: readonly DeclinedPair[],
): ScoringProgram => ({
  weights: config.scoringWeights,
  rolesOffered: config.rolesOffered.map((offer) => offer.role),
  requirements: config.requirements,
  eligibility: config.eligibility,
  declined,
});

/**
 * The instant UTC offsets are taken at (time-zone distance, availability overlap): the
 * program's match date, else the close of enrollment. Fixed by the program, so the same
 * snapshot always scores the same.
 */
export const scoringInstant = (config: ProgramConfig): string =>
  config.cycle.matchDate ?? config.cycle.enrollmentClosesAt;
