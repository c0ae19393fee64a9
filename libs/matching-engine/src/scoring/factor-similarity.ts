import type { MentorshipRole } from '@medmentor/domain';
import { relatedSpecialties } from '@medmentor/domain';
import type { PlaceMatch, PracticeAxis, SpecialtyMatchKind } from './explanation.types';
import { SLOT_MINUTES } from './weekly-availability';

// The similarity kernels. The explained path (scorePair) and the compiled scan
// (recommendations) both call these on the same integers, so their scores agree to the bit.

export const SPECIALTY_SIMILARITY: Readonly<Record<SpecialtyMatchKind, number>> = {
  preferred: 1,
  'same-subspecialty': 1,
  'same-specialty': 0.8,
  related: 0.5,
  different: 0,
};

const SPECIALTY_ORDER: readonly SpecialtyMatchKind[] = [
  'preferred',
  'same-subspecialty',
  'same-specialty',
  'related',
  'different',
];

/** The better of two specialty matches (the order above). */
export const betterSpecialtyMatch = (a: SpecialtyMatchKind, b: SpecialtyMatchKind) =>
  SPECIALTY_ORDER.indexOf(a) <= SPECIALTY_ORDER.indexOf(b) ? a : b;

const relatedSets = new Map<string, ReadonlySet<string>>();
const relatedSet = (code: string): ReadonlySet<string> => {
  let set = relatedSets.get(code);
  if (!set) {
    set = new Set(relatedSpecialties(code).map((s) => s.code));
    relatedSets.set(code, set);
  }
  return set;
};

/** Whether the taxonomy relates the two codes (parent, sibling or child, either way round). */
export const areRelatedSpecialties = (a: string, b: string): boolean =>
  relatedSet(a).has(b) || relatedSet(b).has(a);

export interface SpecialtySeeker {
  readonly specialty: string;
  readonly subspecialty?: string;
  readonly preferred: ReadonlySet<string>;
}

/** How one of the mentor's codes (primary specialty, or subspecialty) matches the mentee. */
export function classifySpecialtyCode(
  mentee: SpecialtySeeker,
  code: string,
  isSubspecialty: boolean,
): SpecialtyMatchKind {
  if (mentee.preferred.has(code)) return 'preferred';
  if (isSubspecialty && code === mentee.subspecialty) return 'same-subspecialty';
  if (!isSubspecialty && code === mentee.specialty) return 'same-specialty';
  if (areRelatedSpecialties(code, mentee.specialty)) return 'related';
  if (mentee.subspecialty !== undefined && areRelatedSpecialties(code, mentee.subspecialty)) {
    return 'related';
  }
  return 'different';
}

/**
 * Career-stage fit for a role, from the gap (mentor rank minus mentee rank): clinical and career
 * mentors should be well ahead (2+ ranks full, 1 half), a wellness mentor ahead or equal, a peer
 * about level (1 at 0, minus a quarter per rank either way).
 */
export function stageSimilarity(role: MentorshipRole, gap: number): number {
  switch (role) {
    case 'clinical':
    case 'career':
      return gap >= 2 ? 1 : gap === 1 ? 0.5 : 0;
    case 'wellness':
      return gap >= 0 ? 1 : 0;
    case 'peer':
      return Math.max(0, 1 - Math.abs(gap) / 4);
  }
}

/** Sørensen–Dice overlap of two sets from their sizes and the size of the intersection. */
export const diceSimilarity = (shared: number, a: number, b: number): number =>
  a + b === 0 ? 0 : (2 * shared) / (a + b);

/** Share of the mentee's goals the mentor lists as strengths. */
export const coverageSimilarity = (covered: number, goals: number): number =>
  goals === 0 ? 0 : covered / goals;

/** The value between the two ends of each practice-setting axis. */
const AXIS_MIDDLE: Readonly<Record<PracticeAxis, string>> = {
  model: 'hybrid',
  geography: 'suburban',
  care: 'mixed',
};

export const PRACTICE_AXES: readonly PracticeAxis[] = ['model', 'geography', 'care'];

/** 1 for the same value, 0.5 when one side is the middle value (hybrid, suburban, mixed), else 0. */
export const axisSimilarity = (axis: PracticeAxis, a: string, b: string): number =>
  a === b ? 1 : a === AXIS_MIDDLE[axis] || b === AXIS_MIDDLE[axis] ? 0.5 : 0;

/** Mean over the axes known on both sides (their similarities summed in axis order); 0 if none. */
export const practiceSimilarity = (sum: number, axes: number): number =>
  axes === 0 ? 0 : sum / axes;

export const PLACE_SIMILARITY: Readonly<Record<PlaceMatch, number>> = {
  'same-region': 1,
  'same-country': 0.6,
  different: 0,
  unknown: 0,
};

export function placeMatch(
  a: { readonly country?: string; readonly region?: string },
  b: { readonly country?: string; readonly region?: string },
): PlaceMatch {
  if (a.country === undefined || b.country === undefined) return 'unknown';
  if (a.country !== b.country) return 'different';
  return a.region !== undefined && a.region === b.region ? 'same-region' : 'same-country';
}

/** Within an hour counts as the same time-zone band. */
export const TIME_ZONE_BAND_MINUTES = 60;

/**
 * Half place, half time-zone distance. Distance scores 1 at the same offset, falling linearly to 0
 * at 6 hours; when the mentee prefers the same band, within an hour scores 1 and anything further
 * half the usual.
 */
export const geographySimilarity = (
  place: PlaceMatch,
  offsetDifferenceMinutes: number,
  sameTimeZoneBand: boolean,
): number => geographyOfPlace(PLACE_SIMILARITY[place], offsetDifferenceMinutes, sameTimeZoneBand);

/** `geographySimilarity` from the place's similarity instead of its kind. */
export function geographyOfPlace(
  placeSimilarity: number,
  offsetDifferenceMinutes: number,
  sameTimeZoneBand: boolean,
): number {
  const distance = Math.max(0, 1 - offsetDifferenceMinutes / 360);
  const zone = !sameTimeZoneBand
    ? distance
    : offsetDifferenceMinutes <= TIME_ZONE_BAND_MINUTES
      ? 1
      : distance / 2;
  return 0.5 * placeSimilarity + 0.5 * zone;
}

/**
 * Languages: with preferred languages, 1 if the mentor speaks one, 0.5 if they only share another
 * language; without, 1 for any shared language. 0 otherwise.
 */
export const languageSimilarity = (
  shared: number,
  preferredSpoken: number,
  hasPreferred: boolean,
): number => (hasPreferred ? (preferredSpoken > 0 ? 1 : shared > 0 ? 0.5 : 0) : shared > 0 ? 1 : 0);

/** A weekly overlap of at least this long scores 1; shorter overlaps score in proportion. */
export const FULL_OVERLAP_MINUTES = 60;

export const availabilitySimilarity = (overlapSlots: number): number =>
  Math.min(1, (overlapSlots * SLOT_MINUTES) / FULL_OVERLAP_MINUTES);
