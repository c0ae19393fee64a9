import { DomainError } from '@medmentor/platform';

export class MatchNotFoundError extends DomainError {
  constructor(matchId: string) {
    super({
      code: 'match-not-found',
      status: 404,
      title: 'Match not found',
      detail: `No match ${matchId} in this tenant that you may see.`,
    });
  }
}

/** The match is not in a state that allows the action (already answered, expired, ended...). */
export class MatchStateError extends DomainError {
  constructor(matchId: string, status: string, action: string) {
    super({
      code: 'match-state-conflict',
      status: 409,
      title: `The match cannot be ${action} now`,
      detail: `Match ${matchId} is ${status}.`,
    });
  }
}

export class NotAParticipantError extends DomainError {
  constructor(action: string) {
    super({
      code: 'not-a-participant',
      status: 403,
      title: `Only the mentee or the mentor may ${action} a match`,
      detail: 'The token names no physician of this match.',
    });
  }
}

export class RunNotPublishableError extends DomainError {
  constructor(runId: string, why: string) {
    super({
      code: 'run-not-publishable',
      status: 409,
      title: 'The run cannot be published',
      detail: `Run ${runId} ${why}.`,
    });
  }
}

export class NoMentorAvailableError extends DomainError {
  constructor(menteeEnrollmentId: string) {
    super({
      code: 'no-mentor-available',
      status: 409,
      title: 'No mentor available',
      detail: `No mentor with a free place may be paired with enrollment ${menteeEnrollmentId} now.`,
    });
  }
}

export class SeatTakenError extends DomainError {
  constructor(menteeEnrollmentId: string, role: string) {
    super({
      code: 'seat-taken',
      status: 409,
      title: 'The mentee already has a live match for this role',
      detail: `Enrollment ${menteeEnrollmentId} already has a proposed or active ${role} match.`,
    });
  }
}

/** The pair breaks hard constraints; each violated rule is named. */
export class PairNotAllowedError extends DomainError {
  constructor(codes: readonly string[]) {
    super({
      code: 'pair-not-allowed',
      status: 422,
      title: 'This pair may not be matched',
      detail: `Violated constraints: ${codes.join(', ')}.`,
      errors: codes.map((code) => ({ field: 'mentorEnrollmentId', message: `violates ${code}` })),
    });
  }
}

export class UnknownParticipantError extends DomainError {
  constructor(field: string) {
    super({
      code: 'unknown-participant',
      status: 422,
      title: 'Not an active participant of this program',
      detail: `${field} is not an active, matchable enrollment of this program.`,
      errors: [{ field, message: 'is not an active, matchable enrollment of this program' }],
    });
  }
}
