/** How often check-ins happen in one phase of a program's cadence. */
export const CADENCE_EVERY = ['week', 'two-weeks', 'month', 'quarter'] as const;
export type CadenceEvery = (typeof CADENCE_EVERY)[number];

/**
 * One phase of a program's cadence (the shape of the program events): `count` check-ins,
 * or check-ins while a condition holds, or (the last phase) check-ins until the
 * relationship ends.
 */
export interface CadencePhase {
  every: CadenceEvery;
  count?: number;
  while?: 'job-searching';
}

/** What the conditions of `while` phases are when the series is planned. */
export interface CadenceConditions {
  jobSearching: boolean;
}
