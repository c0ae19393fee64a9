export * from './errors';
export { compareIds } from './ids';
export * from './national/national.types';
export { compileNationalInstance } from './national/compile-national';
export { deferredAcceptance } from './national/deferred-acceptance';
export { verifyStable } from './national/verify-stable';
export { nationalStats } from './national/national-stats';
export {
  matchingToPairs,
  pairsToMatching,
  unmatchedApplicants,
} from './national/national-matching';
export type { NationalPair, PairsDecoding } from './national/national-matching';
export { matchNational } from './national/match-national';
export type { NationalMatchOptions, NationalMatchResult } from './national/match-national';
export * from './assignment/assignment.types';
export { compileAssignment, compileAssignmentColumns } from './assignment/compile-assignment';
export type { AssignmentColumns, CompiledAssignment } from './assignment/compile-assignment';
export { chooseOrientation } from './assignment/assignment-problem';
export type { Orientation } from './assignment/assignment-problem';
export type { TransportSolution } from './assignment/transport-problem';
export type { AssignmentSolution } from './assignment/solve-assignment';
export {
  assignmentResult,
  checkAssignmentCertificate,
  solveAssignment,
  solveCompiledAssignment,
} from './assignment/solve-assignment';
export { matchesToArcs, verifyAssignment } from './assignment/verify-assignment';
export type { ArcsDecoding, AssignmentVerdict } from './assignment/verify-assignment';
export { pruneCandidates, topKIndices } from './assignment/prune-candidates';
export * from './boards/board.types';
export { solveBoards } from './boards/solve-boards';
export * from './scoring/scoring.types';
export * from './scoring/explanation.types';
export { MAX_SCORE } from './scoring/score-points';
export { scorePair } from './scoring/score-pair';
export { CONSTRAINT_CODES, isPairAllowed, pairViolations } from './scoring/pair-constraints';
export type { ConstraintCode, ConstraintViolation, PairParty } from './scoring/pair-constraints';
export { utcOffsetMinutes } from './scoring/utc-offset';
export { CandidatePool, compileCandidatePool } from './recommendations/candidate-pool';
export { EXCLUDED, scoreCandidates } from './recommendations/score-candidates';
export type { ScanDirection, ScoreCandidatesOptions } from './recommendations/score-candidates';
export { recommendMentees, recommendMentors, topCandidates } from './recommendations/recommend';
export type { RecommendOptions } from './recommendations/recommend';
export { boardInstance, cohortInstance } from './recommendations/cohort-scores';
export type { BatchScoreOptions } from './recommendations/cohort-scores';
