import type { Match } from './schemas/match.schema';
import type { MatchView } from './dto/match.dto';

export const matchView = (match: Match): MatchView => ({
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
  status: match.status,
  responseDeadline: match.responseDeadline.toISOString(),
  ...(match.menteeAcceptedAt && { menteeAcceptedAt: match.menteeAcceptedAt.toISOString() }),
  ...(match.mentorAcceptedAt && { mentorAcceptedAt: match.mentorAcceptedAt.toISOString() }),
  ...(match.score !== undefined && { score: match.score }),
  ...(match.factors !== undefined && {
    factors: match.factors.map((f) => ({ ...f, detail: { ...f.detail } })),
  }),
  ...(match.declinedBy !== undefined && { declinedBy: match.declinedBy }),
  ...(match.declineReason !== undefined && { declineReason: match.declineReason }),
  ...(match.endReason !== undefined && { endReason: match.endReason }),
  ...(match.anonymised === true && { anonymised: true }),
  version: match.version,
  createdAt: match.createdAt.toISOString(),
  updatedAt: match.updatedAt.toISOString(),
});
