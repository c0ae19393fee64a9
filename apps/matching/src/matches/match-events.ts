import {
  createEvent,
  type MatchEndReason,
  type MatchFactorExplanation,
  type MatchFacts,
  type MatchSide,
  type OutgoingEvent,
} from '@medmentor/contracts';
import { getCorrelationId } from '@medmentor/platform';
import type { Match } from './schemas/match.schema';

/** The facts every match event carries, for the match as it is after the change. */
const factsOf = (match: Match, at: Date): MatchFacts => ({
  matchId: match._id,
  tenantId: match.tenantId,
  programId: match.programId,
  role: match.role,
  menteeId: match.menteeId,
  mentorId: match.mentorId,
  menteeEnrollmentId: match.menteeEnrollmentId,
  mentorEnrollmentId: match.mentorEnrollmentId,
  origin: match.origin,
  ...(match.runId !== undefined && { runId: match.runId }),
  version: match.version,
  at: at.toISOString(),
});

const meta = (match: Match, at: Date) => ({
  tenantId: match.tenantId,
  source: 'matching',
  correlationId: getCorrelationId(),
  time: at,
});

/** The score's factors as the contract carries them: points, similarity and shared codes. */
const explanationOf = (factors: NonNullable<Match['factors']>): MatchFactorExplanation[] =>
  factors.map((f) => {
    const d = f.detail;
    const shared =
      d.factor === 'interests' || d.factor === 'language'
        ? d.shared
        : d.factor === 'goals'
          ? d.covered
          : undefined;
    return {
      factor: f.factor,
      // The contract's bounds, whatever floating point did: a proposal must never fail to publish.
      contribution: Math.round(f.contribution),
      similarity: Math.min(1, Math.max(0, f.similarity)),
      ...(shared !== undefined && shared.length > 0 && { shared: [...shared] }),
    };
  });

export const matchProposed = (match: Match, at: Date): OutgoingEvent =>
  createEvent(
    'medmentor.matching.match.proposed',
    {
      ...factsOf(match, at),
      responseDeadline: match.responseDeadline.toISOString(),
      ...(match.score !== undefined && { score: match.score }),
      ...(match.factors !== undefined &&
        match.factors.length > 0 && { explanation: explanationOf(match.factors) }),
    },
    meta(match, at),
  );

export const matchAccepted = (match: Match, by: MatchSide, at: Date): OutgoingEvent =>
  createEvent('medmentor.matching.match.accepted', { ...factsOf(match, at), by }, meta(match, at));

export const matchDeclined = (
  match: Match,
  by: MatchSide,
  at: Date,
  reason?: string,
): OutgoingEvent =>
  createEvent(
    'medmentor.matching.match.declined',
    { ...factsOf(match, at), by, ...(reason !== undefined && { reason }) },
    meta(match, at),
  );

export const matchExpired = (match: Match, at: Date): OutgoingEvent =>
  createEvent(
    'medmentor.matching.match.expired',
    { ...factsOf(match, at), responseDeadline: match.responseDeadline.toISOString() },
    meta(match, at),
  );

export const matchActivated = (match: Match, at: Date): OutgoingEvent =>
  createEvent('medmentor.matching.match.activated', factsOf(match, at), meta(match, at));

export const matchEnded = (match: Match, reason: MatchEndReason, at: Date): OutgoingEvent =>
  createEvent('medmentor.matching.match.ended', { ...factsOf(match, at), reason }, meta(match, at));
