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
