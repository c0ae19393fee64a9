import { SCORING_FACTORS, type ScoringWeights } from '@medmentor/contracts';
import type { ScoringWeightsInput } from './dto/program-fields.dto';
import type { ProgramCycle } from './program-settings';

// From validated request fields to stored settings.

/** A weights object as sent: factors left out weigh 0. */
export const weightsFrom = (input: ScoringWeightsInput): ScoringWeights =>
  Object.fromEntries(
    SCORING_FACTORS.map((factor) => [factor, input[factor] ?? 0]),
  ) as ScoringWeights;

/** RFC 3339 strings to dates; absent dates stay absent. */
export const cycleFrom = (input: Partial<Record<keyof ProgramCycle, string>>): ProgramCycle =>
  Object.fromEntries(
    Object.entries(input)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([field, value]) => [field, new Date(value)]),
  );
