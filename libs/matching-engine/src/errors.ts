/** Stable codes for instances the engine refuses; callers branch on `code`, people read `message`. */
export type MatchingInputErrorCode =
  | 'duplicate-id'
  | 'unknown-id'
  | 'duplicate-rank'
  | 'invalid-capacity'
  | 'invalid-score'
  | 'duplicate-pair'
  | 'score-precision'
  | 'invalid-option'
  | 'invalid-weights'
  | 'invalid-time-zone'
  | 'invalid-availability';

/** An instance (or option) the engine cannot solve as given. Nothing is partially computed. */
export class MatchingInputError extends Error {
  readonly code: MatchingInputErrorCode;

  constructor(code: MatchingInputErrorCode, message: string) {
    super(message);
    this.name = 'MatchingInputError';
    this.code = code;
  }
}
