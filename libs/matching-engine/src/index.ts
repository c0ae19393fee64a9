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
export { compileAssignment } from './assignment/compile-assignment';
export type { CompiledAssignment } from './assignment/compile-assignment';
export type { TransportSolution } from './assignment/transport-problem';
export {
  assignmentResult,
  checkAssignmentCertificate,
  solveAssignment,
  solveCompiledAssignment,
} from './assignment/solve-assignment';
export { matchesToArcs, verifyAssignment } from './assignment/verify-assignment';
export type { ArcsDecoding, AssignmentVerdict } from './assignment/verify-assignment';
export { pruneCandidates, topKIndices } from './assignment/prune-candidates';
