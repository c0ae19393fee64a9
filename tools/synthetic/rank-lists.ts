// Seeded ranked preference lists for a national match: each mentee ranks a handful of mentors,
// drawn mostly from their own specialty and interests with a popularity skew (famous mentors
// are ranked by many), and each mentor ranks the mentees who ranked them, best fit first.
import { Prng } from './prng';
import type { PhysicianBody } from './physicians';

export interface RankListOptions {
  seed: number;
  /** How many mentors each mentee ranks (inclusive range). */
  menteeListLength?: readonly [number, number];
  /** The most mentees a mentor ranks (the API allows 200). */
  mentorListMax?: number;
}

const family = (specialty: string): string => specialty.split('.')[0];

/** How well a mentor suits a mentee, from what both put in their profiles. */
export const affinity = (mentee: PhysicianBody, mentor: PhysicianBody): number => {
  const shared = mentee.interests.filter((interest) => mentor.interests.includes(interest)).length;
  return (
    (family(mentee.specialty) === family(mentor.specialty) ? 3 : 0) +
    (mentee.specialty === mentor.specialty ? 1 : 0) +
    shared +
    (mentee.timeZone === mentor.timeZone ? 0.5 : 0) +
    (mentee.languages.some((l) => l !== 'en' && mentor.languages.includes(l)) ? 0.5 : 0)
  );
};

/**
 * Rank lists by position: `mentees[i]` ranks `result.mentees[i]` (mentor positions, best
 * first) and `mentors[j]` ranks `result.mentors[j]` (mentee positions, best first).
 */
export const generateRankLists = (
  mentees: readonly PhysicianBody[],
  mentors: readonly PhysicianBody[],
  options: RankListOptions,
): { mentees: number[][]; mentors: number[][] } => {
  const rng = new Prng(options.seed);
  const [minLength, maxLength] = options.menteeListLength ?? [5, 12];
  // A popularity per mentor (log-normal), so some are in demand and others are not.
  const popularity = mentors.map(() => Math.exp(0.6 * rng.normal()));
  const byFamily = new Map<string, number[]>();
  mentors.forEach((mentor, j) => {
    const key = family(mentor.specialty);
    byFamily.set(key, [...(byFamily.get(key) ?? []), j]);
  });
  const rankedBy: { mentee: number; fit: number }[][] = mentors.map(() => []);
  const menteeLists = mentees.map((mentee, i) => {
    const length = Math.min(mentors.length, rng.int(minLength, maxLength));
    const sameFamily = byFamily.get(family(mentee.specialty)) ?? [];
    // Candidates: most of the own specialty family plus a sample of everyone else.
    const pool = new Set<number>(
      sameFamily.length > 40
        ? sameFamily.filter(() => rng.next() < 40 / sameFamily.length)
        : sameFamily,
    );
    while (pool.size < Math.min(mentors.length, length * 4))
      pool.add(rng.int(0, mentors.length - 1));
    const chosen = [...pool]
      .map((j) => ({ j, key: affinity(mentee, mentors[j]) + popularity[j] + rng.next() * 1.5 }))
      .sort((a, b) => b.key - a.key)
      .slice(0, length)
      .map(({ j }) => j);
    for (const j of chosen)
      rankedBy[j].push({ mentee: i, fit: affinity(mentees[i], mentors[j]) + rng.next() });
    return chosen;
  });
  const mentorMax = options.mentorListMax ?? 60;
  const mentorLists = rankedBy.map((entries) =>
    entries
      .sort((a, b) => b.fit - a.fit)
      .slice(0, mentorMax)
      .map(({ mentee }) => mentee),
  );
  return { mentees: menteeLists, mentors: mentorLists };
};
