/** A mentorship board: each mentee gets at most one mentor per role, never one mentor twice. */
export interface BoardInstance {
  /** Roles the program offers (e.g. clinical, career, wellness, peer): one seat per mentee each. */
  readonly roles: readonly string[];
  readonly mentees: readonly { readonly id: string }[];
  /** Capacity is shared across roles: a mentor on 3 boards (any roles) uses 3 places. */
  readonly mentors: readonly { readonly id: string; readonly capacity: number }[];
  /** Allowed (mentee, mentor, role) triples and their scores; others cannot be matched. */
  readonly scores: readonly {
    readonly mentee: string;
    readonly mentor: string;
    readonly role: string;
    readonly score: number;
  }[];
}

export interface BoardOptions {
  /** First fill as many seats as possible, then maximise the total score. Default false. */
  readonly maximizeMatches?: boolean;
  /** As for assignment: round scores to this many decimals first. */
  readonly scoreDecimals?: number;
}

export interface BoardSeat {
  readonly mentee: string;
  readonly role: string;
  readonly mentor: string;
  readonly score: number;
}

export interface BoardResult {
  /** Filled seats, by mentee id then role. */
  readonly seats: BoardSeat[];
  /** Seats left empty, by mentee id then role. */
  readonly empty: { readonly mentee: string; readonly role: string }[];
  readonly total: number;
}
