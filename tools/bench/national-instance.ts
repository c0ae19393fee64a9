import type { NationalInstance } from '@medmentor/matching-engine';
import { Prng, WeightedSampler } from './prng';

export interface NationalShape {
  readonly applicants: number;
  readonly programs: number;
  readonly places: number;
  /** Mean rank-list length of applicants. */
  readonly listLength: number;
  readonly seed: number;
}

/** The size of the NRMP Main Match. */
export const NRMP_SHAPE: NationalShape = {
  applicants: 47_000,
  programs: 6_600,
  places: 43_000,
  listLength: 12,
  seed: 20_240_315,
};

/**
 * A residency-match-like instance: program popularity is log-normal (a few programs are ranked
 * by very many applicants), applicants rank ~12 programs drawn by popularity, programs rank
 * about 90% of the applicants who ranked them, ordered by a shared applicant strength plus
 * their own noise.
 */
export function generateNationalInstance(shape: NationalShape): NationalInstance {
  const rng = new Prng(shape.seed);
  const pad = (prefix: string, n: number, i: number) =>
    prefix + String(i).padStart(String(n).length, '0');
  const programIds = Array.from({ length: shape.programs }, (_, i) => pad('P', shape.programs, i));
  const applicantIds = Array.from({ length: shape.applicants }, (_, i) =>
    pad('A', shape.applicants, i),
  );

  const popularity = Float64Array.from(programIds, () => Math.exp(rng.normal()));
  const capacity = new Int32Array(shape.programs).fill(1);
  const bySize = new WeightedSampler(popularity);
  for (let extra = shape.places - shape.programs; extra > 0; extra--) capacity[bySize.draw(rng)]++;

  const strength = Float64Array.from(applicantIds, () => rng.normal());
  const rankedBy: number[][] = programIds.map(() => []);
  const applicants = applicantIds.map((id, a) => {
    const length = Math.max(1, Math.min(40, Math.round(shape.listLength + 4 * rng.normal())));
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < length && tries < length * 20; tries++)
      chosen.add(bySize.draw(rng));
    const ranks = [...chosen];
    for (const p of ranks) rankedBy[p].push(a);
    return { id, ranks: ranks.map((p) => programIds[p]) };
  });
  const programs = programIds.map((id, p) => {
    const scored = rankedBy[p]
      .filter(() => rng.next() < 0.9)
      .map((a) => ({ a, key: strength[a] + 0.5 * rng.normal() }))
      .sort((x, y) => y.key - x.key || x.a - y.a);
    return { id, capacity: capacity[p], ranks: scored.map((s) => applicantIds[s.a]) };
  });
  return { applicants, programs };
}
