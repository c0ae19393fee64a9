import { MatchingInputError } from '../errors';
import { SCORING_FACTORS } from './scoring.types';
import type { ScoringWeights } from './scoring.types';

/** Scores are integers from 0 to this (per mille of a perfect match on every weighted factor). */
export const MAX_SCORE = 1000;

const FACTOR_COUNT = SCORING_FACTORS.length;

/**
 * Points a factor gives per unit of similarity: MAX_SCORE × weight / sum of weights, in
 * `SCORING_FACTORS` order. Refuses weights outside 0..1 and an all-zero set.
 */
export function factorPoints(weights: ScoringWeights): Float64Array {
  let sum = 0;
  for (const factor of SCORING_FACTORS) {
    const w = weights[factor];
    if (typeof w !== 'number' || !(w >= 0 && w <= 1)) {
      throw new MatchingInputError('invalid-weights', `weight of ${factor} must be in 0..1`);
    }
    sum += w;
  }
  if (sum === 0) throw new MatchingInputError('invalid-weights', 'at least one weight must be > 0');
  return Float64Array.from(SCORING_FACTORS, (f) => (MAX_SCORE * weights[f]) / sum);
}

// Rounding to a micro-point first removes floating noise (weights scaled by a constant give the
// same score) before the half-up rounding to whole points.
const roundPoints = (x: number): number => Math.round(Math.round(x * 1e6) / 1e6);

/**
 * The integer score of similarities (in factor order). The fast scan and the explained path both
 * call this with the same doubles, so they always agree.
 */
export function totalPoints(points: Float64Array, similarity: ArrayLike<number>): number {
  let exact = 0;
  for (let f = 0; f < FACTOR_COUNT; f++) exact += points[f] * similarity[f];
  return roundPoints(exact);
}

/**
 * Splits `total` into integer contributions proportional to points × similarity (largest
 * remainder; ties to the earlier factor), so they sum exactly to the score.
 */
export function apportion(
  points: Float64Array,
  similarity: ArrayLike<number>,
  total: number,
): number[] {
  const exact = Array.from(points, (p, f) => p * similarity[f]);
  const parts = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, f) => ({ f, rest: x - parts[f] }))
    .sort((a, b) => b.rest - a.rest || a.f - b.f);
  for (let i = 0; left > 0; i = (i + 1) % FACTOR_COUNT, left--) parts[byRemainder[i].f]++;
  for (let i = FACTOR_COUNT - 1; left < 0; i = (i + FACTOR_COUNT - 1) % FACTOR_COUNT) {
    const f = byRemainder[i].f;
    if (parts[f] > 0) {
      parts[f]--;
      left++;
    }
  }
  return parts;
}
