export interface AssignmentMentee {
  readonly id: string;
}

export interface AssignmentMentor {
  readonly id: string;
  /** How many mentees the mentor can take; 0 is allowed. */
  readonly capacity: number;
}

/** An allowed pair and its score (higher is better). Pairs not listed cannot be matched. */
export interface AssignmentScore {
  readonly mentee: string;
  readonly mentor: string;
  readonly score: number;
}

export interface AssignmentInstance {
  readonly mentees: readonly AssignmentMentee[];
  readonly mentors: readonly AssignmentMentor[];
  readonly scores: readonly AssignmentScore[];
}

export interface AssignmentOptions {
  /** First maximise the number of mentees matched, then the total score. Default false. */
  readonly maximizeMatches?: boolean;
  /**
   * Round scores to this many decimals (0-9, half up) before solving. By default scores are used
   * exactly: the solver works in integers scaled by the shortest power of ten that makes every
   * score whole, and refuses scores that need more than 9 decimals.
   */
  readonly scoreDecimals?: number;
}

export interface AssignmentMatch {
  readonly mentee: string;
  readonly mentor: string;
  readonly score: number;
}

export interface AssignmentResult {
  /** In mentee-id order. */
  readonly matches: AssignmentMatch[];
  /** Unmatched mentee ids, in id order. */
  readonly unmatched: string[];
  /** Sum of the (possibly rounded) scores of the matches: the optimised objective. */
  readonly total: number;
}
