import { stageGap } from '@medmentor/domain';
import { compareIds } from '../ids';
import type { FactorDetail, PairScore, PracticeAxis } from './explanation.types';
import {
  PRACTICE_AXES,
  availabilitySimilarity,
  axisSimilarity,
  betterSpecialtyMatch,
  classifySpecialtyCode,
  coverageSimilarity,
  diceSimilarity,
  geographySimilarity,
  languageSimilarity,
  placeMatch,
  practiceSimilarity,
  SPECIALTY_SIMILARITY,
  stageSimilarity,
} from './factor-similarity';
import { apportion, factorPoints, totalPoints } from './score-points';
import { SCORING_FACTORS } from './scoring.types';
import type { PairQuery, ScoringOptions, ScoringProgram } from './scoring.types';
import { utcOffsetMinutes } from './utc-offset';
import { SLOT_MINUTES, overlapSlots, weekBitmap } from './weekly-availability';

/** Members of `a` also in `b`, once each, in id order. */
const sharedCodes = (a: ReadonlySet<string>, b: readonly string[]): string[] => {
  const inB = new Set(b);
  return [...a].filter((x) => inB.has(x)).sort(compareIds);
};

/**
 * Scores `mentor` for `mentee` in `role` under the program's weights, with the reason for every
 * factor. The score is an integer 0..MAX_SCORE; the factors' contributions sum to it exactly.
 * Scoring does not check hard constraints: see `pairViolations` / `isPairAllowed`.
 */
export function scorePair(
  { mentee, mentor, role }: PairQuery,
  program: ScoringProgram,
  { at }: ScoringOptions,
): PairScore {
  const points = factorPoints(program.weights);
  const a = mentee.physician;
  const b = mentor.physician;
  const preferred = mentee.enrollment.preferences?.preferred ?? {};

  const seeker = { ...a, preferred: new Set(preferred.specialties ?? []) };
  const bySpecialty = classifySpecialtyCode(seeker, b.specialty, false);
  const bySub =
    b.subspecialty === undefined
      ? 'different'
      : classifySpecialtyCode(seeker, b.subspecialty, true);
  const kind = betterSpecialtyMatch(bySpecialty, bySub);
  const matchedCode =
    kind === 'different' ? undefined : kind === bySpecialty ? b.specialty : b.subspecialty;

  const gap = stageGap(a.careerStage, b.careerStage);

  const menteeInterests = new Set(a.interests);
  const interests = sharedCodes(menteeInterests, b.interests);
  const goals = new Set(mentee.enrollment.topics);
  const covered = sharedCodes(goals, mentor.enrollment.topics);

  const axes: { axis: PracticeAxis; similarity: number; preferred: boolean }[] = [];
  let axisSum = 0;
  for (const axis of PRACTICE_AXES) {
    const wanted = preferred.practiceSetting?.[axis];
    const target = wanted ?? a.practiceSetting[axis];
    const theirs = b.practiceSetting[axis];
    if (target === undefined || theirs === undefined) continue;
    const similarity = axisSimilarity(axis, target, theirs);
    axisSum += similarity;
    axes.push({ axis, similarity, preferred: wanted !== undefined });
  }

  const offsetA = utcOffsetMinutes(a.timeZone, at);
  const offsetB = utcOffsetMinutes(b.timeZone, at);
  const place = placeMatch(a, b);
  const offsetDifferenceMinutes = Math.abs(offsetA - offsetB);
  const sameTimeZoneBand = preferred.sameTimeZoneBand === true;

  const languages = sharedCodes(new Set(a.languages), b.languages);
  const preferredLanguages = new Set(preferred.languages ?? []);
  const preferredSpoken = sharedCodes(preferredLanguages, b.languages);

  const overlap = overlapSlots(
    weekBitmap(a.availability, offsetA),
    0,
    weekBitmap(b.availability, offsetB),
    0,
  );

  const similarity = [
    SPECIALTY_SIMILARITY[kind],
    stageSimilarity(role, gap),
    diceSimilarity(interests.length, menteeInterests.size, new Set(b.interests).size),
    coverageSimilarity(covered.length, goals.size),
    practiceSimilarity(axisSum, axes.length),
    geographySimilarity(place, offsetDifferenceMinutes, sameTimeZoneBand),
    languageSimilarity(languages.length, preferredSpoken.length, preferredLanguages.size > 0),
    availabilitySimilarity(overlap),
  ];
  const details: FactorDetail[] = [
    { factor: 'specialty', kind, ...(matchedCode === undefined ? {} : { mentor: matchedCode }) },
    { factor: 'careerStage', gap, role },
    { factor: 'interests', shared: interests },
    { factor: 'goals', covered, goals: goals.size },
    { factor: 'practiceSetting', axes },
    { factor: 'geography', place, offsetDifferenceMinutes, sameTimeZoneBand },
    { factor: 'language', shared: languages, preferred: preferredSpoken },
    { factor: 'availability', overlapMinutes: overlap * SLOT_MINUTES },
  ];
  const score = totalPoints(points, similarity);
  const contributions = apportion(points, similarity, score);
  const weightSum = SCORING_FACTORS.reduce((s, f) => s + program.weights[f], 0);
  return {
    mentee: a.id,
    mentor: b.id,
    role,
    score,
    factors: SCORING_FACTORS.map((factor, f) => ({
      factor,
      weight: program.weights[factor] / weightSum,
      similarity: similarity[f],
      contribution: contributions[f],
      detail: details[f],
    })),
  };
}
