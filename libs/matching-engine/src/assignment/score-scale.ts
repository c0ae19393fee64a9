import { MatchingInputError } from '../errors';

const MAX_DECIMALS = 9;

export interface ScaledScores {
  /** Each score times `scale`, as an exact integer. */
  readonly scaled: Float64Array;
  /** A power of ten. */
  readonly scale: number;
  /** Largest absolute scaled score. */
  readonly maxAbs: number;
}

/**
 * Turns scores into integers so the solver compares exactly. Without `decimals`, picks the
 * shortest power of ten that represents every score exactly (0.1 needs 10, 1.005 needs 1000);
 * with `decimals`, rounds half up to that many decimals.
 */
export function scaleScores(scores: ArrayLike<number>, decimals?: number): ScaledScores {
  if (
    decimals !== undefined &&
    (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS)
  ) {
    throw new MatchingInputError(
      'invalid-option',
      `scoreDecimals must be an integer from 0 to ${MAX_DECIMALS}`,
    );
  }
  for (let k = 0; k < scores.length; k++) {
    if (!Number.isFinite(scores[k])) {
      throw new MatchingInputError(
        'invalid-score',
        `score ${String(scores[k])} is not a finite number`,
      );
    }
  }
  let d = decimals ?? 0;
  if (decimals === undefined) {
    let scale = 1;
    for (let k = 0; k < scores.length; k++) {
      const s = scores[k];
      while (Math.round(s * scale) / scale !== s) {
        if (d === MAX_DECIMALS) {
          throw new MatchingInputError(
            'score-precision',
            `score ${s} needs more than ${MAX_DECIMALS} decimals; round the scores (option scoreDecimals)`,
          );
        }
        d++;
        scale *= 10;
      }
    }
  }
  const scale = 10 ** d;
  const scaled = new Float64Array(scores.length);
  let maxAbs = 0;
  for (let k = 0; k < scores.length; k++) {
    const x = Math.round(scores[k] * scale);
    if (!Number.isSafeInteger(x)) {
      throw new MatchingInputError(
        'score-precision',
        `score ${scores[k]} is too large at ${d} decimals`,
      );
    }
    scaled[k] = x === 0 ? 0 : x; // no negative zero
    maxAbs = Math.max(maxAbs, Math.abs(x));
  }
  return { scaled, scale, maxAbs };
}
