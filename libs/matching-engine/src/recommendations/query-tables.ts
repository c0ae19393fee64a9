import { careerStageRank, PRACTICE_SETTINGS } from '@medmentor/domain';
import {
  axisSimilarity,
  betterSpecialtyMatch,
  classifySpecialtyCode,
  practiceSimilarity,
  SPECIALTY_SIMILARITY,
} from '../scoring/factor-similarity';
import { normalizeInstitution } from '../scoring/pair-constraints';
import type { ScoringParticipant } from '../scoring/scoring.types';
import { utcOffsetMinutes } from '../scoring/utc-offset';
import { weekBitmap } from '../scoring/weekly-availability';
import type { CandidatePool } from './candidate-pool';
import { axisCode, practiceAxes, regionKey } from './candidate-pool';
import type { ScanDirection } from './score-candidates';

// What a scan needs of its query, computed once per query in the pool's codes.

const AXES = ['model', 'geography', 'care'] as const;

// axisSimilarity for every pair of codes on each axis: [axis][a * 3 + b].
const AXIS_TABLE = AXES.map((axis) => {
  const values = PRACTICE_SETTINGS[axis] as readonly string[];
  return Float64Array.from({ length: 9 }, (_, ab) =>
    axisSimilarity(axis, values[Math.floor(ab / 3)], values[ab % 3]),
  );
});

/**
 * Practice-setting similarity of the query's axis values against every candidate code: the mean
 * over axes known on both sides, summed in axis order as `scorePair` does.
 */
export function practiceTable(mine: readonly number[]): Float64Array {
  return Float64Array.from({ length: 64 }, (_, code) => {
    const theirs = practiceAxes(code);
    let sum = 0;
    let axes = 0;
    for (let a = 0; a < 3; a++) {
      if (mine[a] < 0 || theirs[a] < 0) continue;
      sum += AXIS_TABLE[a][mine[a] * 3 + theirs[a]];
      axes++;
    }
    return practiceSimilarity(sum, axes);
  });
}

/** The query participant expressed in the pool's codes. */
export function compileQuery(pool: CandidatePool, q: ScoringParticipant) {
  const ph = q.physician;
  const preferred = q.enrollment.preferences?.preferred ?? {};
  const bits = (index: typeof pool.interestCodes, list: readonly string[] | undefined) => {
    const out = new Uint32Array(index.words);
    return { bits: out, count: index.write(list, out, 0) };
  };
  const offset = utcOffsetMinutes(ph.timeZone, pool.options.at);
  const country = pool.countries.lookup(ph.country);
  return {
    rank: careerStageRank(ph.careerStage),
    interests: bits(pool.interestCodes, ph.interests),
    topics: bits(pool.topicCodes, q.enrollment.topics),
    languages: bits(pool.languageCodes, ph.languages),
    preferredLanguages: bits(pool.languageCodes, preferred.languages),
    practice: AXES.map((axis) => axisCode(axis, ph.practiceSetting[axis])),
    practiceWanted: AXES.map((axis) =>
      axisCode(axis, preferred.practiceSetting?.[axis] ?? ph.practiceSetting[axis]),
    ),
    country,
    region: ph.country === undefined ? -1 : pool.regions.lookup(regionKey(ph.country, ph.region)),
    offset,
    sameBand: preferred.sameTimeZoneBand === true,
    week: weekBitmap(ph.availability, offset),
    hospital: pool.hospitals.lookup(ph.hospitalId),
    institution: pool.institutions.lookup(
      ph.institution === undefined ? undefined : normalizeInstitution(ph.institution),
    ),
  };
}

/**
 * Specialty similarity tables for one query: by the candidate's specialty and subspecialty codes
 * (candidates as mentors), or by the candidate's seeker profile (candidates as mentees).
 */
export function specialtyTables(
  pool: CandidatePool,
  q: ScoringParticipant,
  direction: ScanDirection,
) {
  const ph = q.physician;
  if (direction === 'mentors') {
    const seeker = {
      specialty: ph.specialty,
      subspecialty: ph.subspecialty,
      preferred: new Set(q.enrollment.preferences?.preferred?.specialties ?? []),
    };
    const codes = pool.specialtyCodes.list;
    const table = (asSub: boolean) =>
      Float64Array.from(
        codes,
        (c) => SPECIALTY_SIMILARITY[classifySpecialtyCode(seeker, c, asSub)],
      );
    return { byCode: table(false), bySub: table(true), bySeeker: new Float64Array(0) };
  }
  const bySeeker = Float64Array.from(pool.seekerSpecialties, (s) => {
    const primary = classifySpecialtyCode(s, ph.specialty, false);
    const sub =
      ph.subspecialty === undefined ? 'different' : classifySpecialtyCode(s, ph.subspecialty, true);
    return SPECIALTY_SIMILARITY[betterSpecialtyMatch(primary, sub)];
  });
  return { byCode: new Float64Array(0), bySub: new Float64Array(0), bySeeker };
}

/** Marks the candidates a pair relation excludes: same person, conflicts, declines, exclusions. */
export function blockedColumn(
  pool: CandidatePool,
  q: ScoringParticipant,
  direction: ScanDirection,
  excludeIds: Iterable<string>,
): Uint8Array {
  const blocked = new Uint8Array(pool.size);
  const block = (ids: Iterable<string> | undefined) => {
    for (const id of ids ?? []) {
      const i = pool.indexOf.get(id);
      if (i !== undefined) blocked[i] = 1;
    }
  };
  const { id, reportingLine } = q.physician;
  block([id]);
  block(reportingLine.supervisorIds);
  block(reportingLine.evaluatorIds);
  block(q.enrollment.preferences?.exclusions);
  block(excludeIds);
  block((direction === 'mentors' ? pool.declinedMentors : pool.declinedMentees).get(id));
  for (const i of pool.namedBy.get(id) ?? []) blocked[i] = 1;
  for (const i of pool.excludedBy.get(id) ?? []) blocked[i] = 1;
  return blocked;
}
