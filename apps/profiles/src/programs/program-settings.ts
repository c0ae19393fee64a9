import type { CadencePhase, MatchingMode, ProgramKind, ScoringWeights } from '@medmentor/contracts';
import type {
  CareerStageName,
  MentorshipRole,
  ProgramObjective,
  SpecialtyCode,
} from '@medmentor/domain';

// What a program admin configures, as the service and its rules see it.

export interface ProgramCycle {
  enrollmentOpensAt?: Date;
  enrollmentClosesAt?: Date;
  /** national-ranked programs only: when rank lists freeze. */
  rankListsDueAt?: Date;
  matchDate?: Date;
}

export interface EligibilitySide {
  /** Empty: any stage. */
  careerStages: CareerStageName[];
  /** Empty: any specialty. A primary specialty admits its subspecialties too. */
  specialties: SpecialtyCode[];
}

/** Mentees' rules also apply to peers. */
export interface Eligibility {
  mentees: EligibilitySide;
  mentors: EligibilitySide;
}

export interface RoleOffered {
  role: MentorshipRole;
  /** How many mentors of this role each mentee gets. */
  perMentee: number;
}

export interface ProgramRequirements {
  /** Mentors must have completed mentor training before they can be matched. */
  mentorTrainingCompleted: boolean;
}

export interface ProgramSettings {
  name: string;
  description: string;
  objectives: ProgramObjective[];
  /** Free-text objectives; present exactly when `objectives` includes `custom`. */
  customObjectives: string[];
  kind: ProgramKind;
  matchingMode: MatchingMode;
  cycle: ProgramCycle;
  rolesOffered: RoleOffered[];
  scoringWeights: ScoringWeights;
  eligibility: Eligibility;
  requirements: ProgramRequirements;
  cadence: CadencePhase[];
  kickoffWindowDays: number;
  reminderOffsetsMinutes: number[];
}

export const DEFAULT_SCORING_WEIGHTS: ScoringWeights = {
  specialty: 0.3,
  careerStage: 0.15,
  interests: 0.15,
  goals: 0.1,
  practiceSetting: 0.1,
  geography: 0.05,
  language: 0.05,
  availability: 0.1,
};

/** Monthly for the first six meetings, then quarterly. */
export const DEFAULT_CADENCE: CadencePhase[] = [{ every: 'month', count: 6 }, { every: 'quarter' }];

export const DEFAULT_ROLES_OFFERED: RoleOffered[] = [{ role: 'clinical', perMentee: 1 }];

export const DEFAULT_KICKOFF_WINDOW_DAYS = 14;

/** A day and an hour before each check-in. */
export const DEFAULT_REMINDER_OFFSETS_MINUTES = [1440, 60];

export const emptyEligibility = (): Eligibility => ({
  mentees: { careerStages: [], specialties: [] },
  mentors: { careerStages: [], specialties: [] },
});
