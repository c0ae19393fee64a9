import type { EventPayload, MatchFactorExplanation, MatchFacts } from '@medmentor/contracts';
import type { PlannedMessage } from '../delivery/planned-message';
import {
  matchAcceptedKind,
  matchActivatedKind,
  matchDeclinedKind,
  matchEndedKind,
  matchExpiredKind,
  matchProposedKind,
  matchRunCompletedKind,
} from './matching.kinds';

// Pure: what messages a matching event means. `other` is the other side, named at send time.

const side = (
  facts: MatchFacts,
  who: 'mentee' | 'mentor',
  kind: string,
  data: Record<string, unknown>,
): PlannedMessage => ({
  kind,
  recipient: { physicianId: who === 'mentee' ? facts.menteeId : facts.mentorId },
  programId: facts.programId,
  data: { role: facts.role, side: who, matchId: facts.matchId, ...data },
  names: { other: who === 'mentee' ? facts.mentorId : facts.menteeId },
});

const bothSides = (
  facts: MatchFacts,
  kind: string,
  data: Record<string, unknown> = {},
): PlannedMessage[] => [side(facts, 'mentee', kind, data), side(facts, 'mentor', kind, data)];

/** Words for the scoring factors; a factor without one is named by its code. */
const FACTOR_LABELS: Readonly<Record<string, string>> = {
  specialty: 'Specialty',
  careerStage: 'Career stage',
  interests: 'Shared interests',
  goals: 'Goals the mentor covers',
  practiceSetting: 'Practice setting',
  geography: 'Location and time zone',
  language: 'Shared languages',
  availability: 'Overlapping availability',
};
const MAX_REASONS = 5;

/** The factors that added points, strongest first: what the message lists as reasons. */
export const reasonsOf = (explanation: readonly MatchFactorExplanation[] = []) =>
  explanation
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, MAX_REASONS)
    .map((f) => ({
      label: FACTOR_LABELS[f.factor] ?? f.factor,
      points: f.contribution,
      ...(f.shared !== undefined && f.shared.length > 0 && { shared: f.shared.join(', ') }),
    }));

export const planMatchProposed = (
  e: EventPayload<'medmentor.matching.match.proposed'>,
): PlannedMessage[] => {
  const reasons = reasonsOf(e.explanation);
  return bothSides(e, matchProposedKind.kind, {
    responseDeadline: e.responseDeadline,
    ...(e.score !== undefined && { score: e.score }),
    ...(reasons.length > 0 && { reasons }),
  });
};

/** The side that did not act is told. */
export const planMatchAccepted = (
  e: EventPayload<'medmentor.matching.match.accepted'>,
): PlannedMessage[] => [
  side(e, e.by === 'mentee' ? 'mentor' : 'mentee', matchAcceptedKind.kind, { by: e.by }),
];

export const planMatchDeclined = (
  e: EventPayload<'medmentor.matching.match.declined'>,
): PlannedMessage[] => bothSides(e, matchDeclinedKind.kind, { by: e.by });

export const planMatchExpired = (
  e: EventPayload<'medmentor.matching.match.expired'>,
): PlannedMessage[] =>
  bothSides(e, matchExpiredKind.kind, { responseDeadline: e.responseDeadline });

export const planMatchActivated = (
  e: EventPayload<'medmentor.matching.match.activated'>,
): PlannedMessage[] => bothSides(e, matchActivatedKind.kind);

export const planMatchEnded = (
  e: EventPayload<'medmentor.matching.match.ended'>,
): PlannedMessage[] => bothSides(e, matchEndedKind.kind, { reason: e.reason });

/** The program's administrator contacts hear how a run ended. */
export const planRunCompleted = (
  e: EventPayload<'medmentor.matching.run.completed'>,
): PlannedMessage[] => [
  {
    kind: matchRunCompletedKind.kind,
    recipient: { admins: true },
    programId: e.programId,
    data: {
      status: e.status,
      matched: e.matched,
      unmatched: e.unmatched,
      algorithm: e.algorithm,
      ...(e.failure !== undefined && { failure: e.failure }),
    },
  },
];
