import type { MentorshipRole } from '@medmentor/domain';
import type { ScoringFactor } from './scoring.types';

export type SpecialtyMatchKind =
  'preferred' | 'same-subspecialty' | 'same-specialty' | 'related' | 'different';

export type PracticeAxis = 'model' | 'geography' | 'care';

export type PlaceMatch = 'same-region' | 'same-country' | 'different' | 'unknown';

/** Why a factor got its similarity, one shape per factor (`factor` tells which). */
export type FactorDetail =
  | {
      readonly factor: 'specialty';
      readonly kind: SpecialtyMatchKind;
      /** The mentor's code that matched (specialty or subspecialty); absent for `different`. */
      readonly mentor?: string;
    }
  | { readonly factor: 'careerStage'; readonly gap: number; readonly role: MentorshipRole }
  | { readonly factor: 'interests'; readonly shared: readonly string[] }
  | { readonly factor: 'goals'; readonly covered: readonly string[]; readonly goals: number }
  | {
      readonly factor: 'practiceSetting';
      /** Axes known on both sides; `preferred` when the mentee's preference was compared. */
      readonly axes: readonly {
        readonly axis: PracticeAxis;
        readonly similarity: number;
        readonly preferred: boolean;
      }[];
    }
  | {
      readonly factor: 'geography';
      readonly place: PlaceMatch;
      /** |UTC offset difference| at the reference instant. */
      readonly offsetDifferenceMinutes: number;
      readonly sameTimeZoneBand: boolean;
    }
  | {
      readonly factor: 'language';
      readonly shared: readonly string[];
      /** Shared languages the mentee listed as preferred. */
      readonly preferred: readonly string[];
    }
  | { readonly factor: 'availability'; readonly overlapMinutes: number };

export interface FactorExplanation {
  readonly factor: ScoringFactor;
  /** The program's weight divided by the sum of weights (the shares sum to 1). */
  readonly weight: number;
  /** 0..1. */
  readonly similarity: number;
  /** Integer points; the contributions of a pair sum exactly to its score. */
  readonly contribution: number;
  readonly detail: FactorDetail;
}

/** A scored pair: `score` is an integer from 0 to `MAX_SCORE`. */
export interface PairScore {
  readonly mentee: string;
  readonly mentor: string;
  readonly role: MentorshipRole;
  readonly score: number;
  /** One entry per factor, in `SCORING_FACTORS` order. */
  readonly factors: readonly FactorExplanation[];
}
