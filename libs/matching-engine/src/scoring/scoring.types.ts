import type {
  CareerStage,
  CareerStageName,
  EnrollmentRole,
  MentorshipRole,
  PracticeSetting,
} from '@medmentor/domain';

/** The factors a pair is scored on, in the order explanations list them. */
export const SCORING_FACTORS = [
  'specialty',
  'careerStage',
  'interests',
  'goals',
  'practiceSetting',
  'geography',
  'language',
  'availability',
] as const;

export type ScoringFactor = (typeof SCORING_FACTORS)[number];

/** A program's weight for each factor, 0..1. Relative: the score divides them by their sum. */
export type ScoringWeights = Readonly<Record<ScoringFactor, number>>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A weekly window in the physician's local time. `end` may be `24:00`; an `end` earlier than
 * `start` runs past midnight into the next day; `end` equal to `start` is empty.
 */
export interface WeeklyWindow {
  readonly day: Weekday;
  readonly start: string;
  readonly end: string;
}

/** What the engine needs of a physician profile. Ids and codes are plain strings. */
export interface ScoringPhysician {
  readonly id: string;
  /** ABMS code of the primary specialty (`@medmentor/domain` taxonomy). */
  readonly specialty: string;
  readonly subspecialty?: string;
  readonly careerStage: CareerStage;
  /** `INTERESTS` codes. */
  readonly interests: readonly string[];
  readonly practiceSetting: PracticeSetting;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  /** A region within the country (state, province); compared only within the same country. */
  readonly region?: string;
  /** IANA time zone of `availability`. */
  readonly timeZone: string;
  /** BCP 47 primary language subtags. */
  readonly languages: readonly string[];
  readonly availability: readonly WeeklyWindow[];
  readonly hospitalId?: string;
  readonly institution?: string;
  readonly reportingLine: {
    readonly supervisorIds: readonly string[];
    readonly evaluatorIds: readonly string[];
  };
  readonly mentorTrainingCompleted: boolean;
  readonly takingBreak: boolean;
  /** Mentees the physician can still take, across programs (mentors only). */
  readonly capacityLeft: number;
}

/**
 * Soft wishes of a mentee (or peer): a candidate who has them scores higher on that factor, and
 * is never excluded for lacking them. An empty list or absent field means no preference.
 */
export interface PreferredAttributes {
  readonly specialties?: readonly string[];
  readonly languages?: readonly string[];
  readonly practiceSetting?: PracticeSetting;
  /** A candidate within an hour of the mentee's UTC offset. */
  readonly sameTimeZoneBand?: boolean;
}

export interface EnrollmentPreferences {
  /** Pair only with someone from another hospital (or institution, when hospital ids are absent). */
  readonly externalMentorOnly?: boolean;
  readonly preferred?: PreferredAttributes;
  /** Physician ids never to be paired with. */
  readonly exclusions?: readonly string[];
}

/** A physician's enrollment in the program being matched. */
export interface ScoringEnrollment {
  readonly side: EnrollmentRole;
  /** Roles sought (mentee, peer) or offered (mentor). */
  readonly roles: readonly MentorshipRole[];
  /** `MENTORING_TOPICS` codes: a mentee's goals, a mentor's strengths. */
  readonly topics: readonly string[];
  readonly preferences?: EnrollmentPreferences;
  /** Places left in this program (mentors, and peers if the program limits them); absent: no program limit. */
  readonly capacityLeft?: number;
}

/** A physician as enrolled in one program: the unit that is scored, filtered and recommended. */
export interface ScoringParticipant {
  readonly physician: ScoringPhysician;
  readonly enrollment: ScoringEnrollment;
}

/** Who may take one side; an empty (or absent) list means no restriction. */
export interface SideEligibility {
  readonly careerStages?: readonly CareerStageName[];
  /** Matches a physician's specialty or subspecialty. */
  readonly specialties?: readonly string[];
}

export interface DeclinedPair {
  readonly mentee: string;
  readonly mentor: string;
}

/** The program a pair is matched in. */
export interface ScoringProgram {
  readonly weights: ScoringWeights;
  readonly rolesOffered: readonly MentorshipRole[];
  readonly requirements?: { readonly mentorTrainingCompleted?: boolean };
  /** `mentees` applies to mentees and peers, `mentors` to mentors. */
  readonly eligibility?: {
    readonly mentees?: SideEligibility;
    readonly mentors?: SideEligibility;
  };
  /** (mentee, mentor) pairs declined before in this program: never proposed again. */
  readonly declined?: readonly DeclinedPair[];
}

/** The candidate pair: `mentee` seeks `role`, `mentor` provides it (for `peer`, both are peers). */
export interface PairQuery {
  readonly mentee: ScoringParticipant;
  readonly mentor: ScoringParticipant;
  readonly role: MentorshipRole;
}

export interface ScoringOptions {
  /**
   * The instant at which UTC offsets are taken (time-zone distance, availability in UTC), so the
   * same inputs always give the same score whatever the clock says.
   */
  readonly at: Date;
}
