import { z } from 'zod';
import { mentorshipRoleSchema } from '@medmentor/domain';

const id = z.string().min(1).max(128);
const dateTime = z.iso.datetime({ offset: true });

export const MATCH_ORIGINS = ['run', 'manual', 'rematch', 'self-match'] as const;
export type MatchOrigin = (typeof MATCH_ORIGINS)[number];

export const MATCH_SIDES = ['mentee', 'mentor'] as const;
export type MatchSide = (typeof MATCH_SIDES)[number];

/**
 * What every match event carries: both physicians (and their enrollments), the program and
 * the role, so scheduling and notifications need nothing else. Key: the match id.
 */
export const matchFactsSchema = z.object({
  matchId: id,
  tenantId: id,
  programId: id,
  role: mentorshipRoleSchema,
  menteeId: id,
  mentorId: id,
  menteeEnrollmentId: id,
  mentorEnrollmentId: id,
  origin: z.enum(MATCH_ORIGINS),
  /** The run that proposed it (origin `run`). */
  runId: id.optional(),
  /** Grows with every change of the match. */
  version: z.number().int().min(1),
  at: dateTime,
});

export type MatchFacts = z.infer<typeof matchFactsSchema>;

/**
 * One factor of a match's compatibility score, for telling the pair why they were matched:
 * its points, its similarity and, for set factors (interests, goals, languages), the codes
 * the two sides share. Codes only, no free text.
 */
export const matchFactorExplanationSchema = z.object({
  /** The scoring factor, e.g. `specialty`, `interests`, `language`, `availability`. */
  factor: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{0,39}$/),
  /** Integer points this factor added; the contributions sum to the score. */
  contribution: z.number().int(),
  /** 0..1. */
  similarity: z.number().min(0).max(1),
  /** Codes both sides have (shared interests or languages, goals the mentor covers). */
  shared: z.array(z.string().min(1).max(100)).max(50).optional(),
});

export type MatchFactorExplanation = z.infer<typeof matchFactorExplanationSchema>;

/** A match was proposed to both sides, who answer before the deadline. */
export const matchingMatchProposedSchema = matchFactsSchema.extend({
  responseDeadline: dateTime,
  /** Compatibility score, when the match came from scoring. */
  score: z.number().optional(),
  /** Why the score is what it is, factor by factor, when the match came from scoring. */
  explanation: z.array(matchFactorExplanationSchema).max(20).optional(),
});

/** One side accepted (the other may not have yet). */
export const matchingMatchAcceptedSchema = matchFactsSchema.extend({ by: z.enum(MATCH_SIDES) });

/** One side declined: the match is over; the mentee may be rematched. */
export const matchingMatchDeclinedSchema = matchFactsSchema.extend({
  by: z.enum(MATCH_SIDES),
  reason: z.string().max(500).optional(),
});

/** The deadline passed before both sides accepted. */
export const matchingMatchExpiredSchema = matchFactsSchema.extend({ responseDeadline: dateTime });

/** Both sides accepted: the mentorship starts (scheduling plans the kickoff). */
export const matchingMatchActivatedSchema = matchFactsSchema;

export const MATCH_END_REASONS = ['completed', 'unmatched', 'withdrawn', 'program-closed'] as const;
export type MatchEndReason = (typeof MATCH_END_REASONS)[number];

/** A match ended: completed, undone by an administrator, a side withdrew, or the program closed. */
export const matchingMatchEndedSchema = matchFactsSchema.extend({
  reason: z.enum(MATCH_END_REASONS),
});

export type MatchingMatchProposed = z.infer<typeof matchingMatchProposedSchema>;
export type MatchingMatchAccepted = z.infer<typeof matchingMatchAcceptedSchema>;
export type MatchingMatchDeclined = z.infer<typeof matchingMatchDeclinedSchema>;
export type MatchingMatchExpired = z.infer<typeof matchingMatchExpiredSchema>;
export type MatchingMatchActivated = z.infer<typeof matchingMatchActivatedSchema>;
export type MatchingMatchEnded = z.infer<typeof matchingMatchEndedSchema>;
