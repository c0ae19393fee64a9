import type { MentorshipRole } from '@medmentor/domain';
import { careerStageRank, PRACTICE_SETTINGS } from '@medmentor/domain';
import { popcount, sharedBits } from '../bits';
import {
  availabilitySimilarity,
  axisSimilarity,
  betterSpecialtyMatch,
  classifySpecialtyCode,
  coverageSimilarity,
  diceSimilarity,
  geographyOfPlace,
  languageSimilarity,
  PLACE_SIMILARITY,
  practiceSimilarity,
  SPECIALTY_SIMILARITY,
  stageSimilarity,
} from '../scoring/factor-similarity';
import { normalizeInstitution, positionAllowed } from '../scoring/pair-constraints';
import { totalPoints } from '../scoring/score-points';
import type { ScoringParticipant } from '../scoring/scoring.types';
import { utcOffsetMinutes } from '../scoring/utc-offset';
import { WEEK_WORDS, weekBitmap } from '../scoring/weekly-availability';
import type { CandidatePool } from './candidate-pool';
import { axisCode, practiceAxes, regionKey, roleBit } from './candidate-pool';
import { BoundedHeap } from './bounded-heap';

/** `mentors`: the query is a mentee and candidates are scored as its mentors; `mentees`: the reverse. */
export type ScanDirection = 'mentors' | 'mentees';

export interface ScoreCandidatesOptions {
  readonly role: MentorshipRole;
  readonly direction: ScanDirection;
  /** Candidates to leave out (already proposed, already on the board, ...). */
  readonly excludeIds?: Iterable<string>;
}

// Module-local bindings: the hot loop then calls plain functions, not properties of other modules'
// export objects (which CommonJS output reads through getters).
const shared = sharedBits;
const count = popcount;
const dice = diceSimilarity;
const coverage = coverageSimilarity;
const practiceMean = practiceSimilarity;
const geography = geographyOfPlace;
const language = languageSimilarity;
const available = availabilitySimilarity;
const total = totalPoints;
const placeScore = PLACE_SIMILARITY;
const weekWords = WEEK_WORDS;

/** Score of a candidate the hard constraints exclude. */
export const EXCLUDED = -1;

const AXES = ['model', 'geography', 'care'] as const;
const MAX_GAP = 11;

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
function practiceTable(mine: readonly number[]): Float64Array {
  return Float64Array.from({ length: 64 }, (_, code) => {
    const theirs = practiceAxes(code);
    let sum = 0;
    let axes = 0;
    for (let a = 0; a < 3; a++) {
      if (mine[a] < 0 || theirs[a] < 0) continue;
      sum += AXIS_TABLE[a][mine[a] * 3 + theirs[a]];
      axes++;
    }
    return practiceMean(sum, axes);
  });
}

/** The query participant expressed in the pool's codes. */
function compileQuery(pool: CandidatePool, q: ScoringParticipant) {
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
function specialtyTables(pool: CandidatePool, q: ScoringParticipant, direction: ScanDirection) {
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
function blockedColumn(
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

/** Where scanned scores go; `floor()` lets the scan skip candidates that cannot beat it. */
interface ScanSink {
  floor(): number;
  push(index: number, score: number): void;
}

class AllScores implements ScanSink {
  constructor(readonly scores: Float64Array) {}
  floor(): number {
    return -Infinity;
  }
  push(index: number, score: number): void {
    this.scores[index] = score;
  }
}

/**
 * Scores every candidate of the pool against one participant for `role`, applying every hard
 * constraint: `EXCLUDED` (-1) for a candidate that may not be paired, else exactly the score
 * `scorePair` gives the pair. O(candidates × factors).
 */
export function scoreCandidates(
  pool: CandidatePool,
  query: ScoringParticipant,
  options: ScoreCandidatesOptions,
): Float64Array {
  const scores = new Float64Array(pool.size).fill(EXCLUDED);
  scan(pool, query, options, new AllScores(scores));
  return scores;
}

/**
 * The `k` best allowed candidates, best first, equal scores to the lower id, in one pass with a
 * bounded heap. Once the heap is full a candidate is dropped as soon as the factors left cannot
 * lift it above the worst kept score, so most candidates skip the costlier factors.
 */
export function bestCandidates(
  pool: CandidatePool,
  query: ScoringParticipant,
  options: ScoreCandidatesOptions & { readonly k: number },
): { index: number; score: number }[] {
  const heap = new BoundedHeap(options.k);
  scan(pool, query, options, heap);
  return heap.sorted();
}

// A candidate whose best possible exact total is below floor + 0.5 (less a margin for floating
// error, far above it and far below rounding to a micro-point) cannot round above the floor;
// candidates come in id order, so one that only ties the floor cannot enter either.
const cannotBeat = (bound: number, floor: number) => bound + 1e-6 < floor + 0.5;

function scan(
  pool: CandidatePool,
  query: ScoringParticipant,
  { role, direction, excludeIds = [] }: ScoreCandidatesOptions,
  sink: ScanSink,
): void {
  const n = pool.size;
  const toMentors = direction === 'mentors';
  if (!positionAllowed(query, toMentors ? 'mentee' : 'mentor', role, pool.program)) return;
  const q = compileQuery(pool, query);
  const roles = toMentors ? pool.provideRoles : pool.seekRoles;
  const bit = roleBit(role);
  const blocked = blockedColumn(pool, query, direction, excludeIds);
  const { byCode, bySub, bySeeker } = specialtyTables(pool, query, direction);
  const stage = Float64Array.from({ length: 2 * MAX_GAP + 1 }, (_, g) =>
    stageSimilarity(role, g - MAX_GAP),
  );
  const queryWantsExternal = query.enrollment.preferences?.externalMentorOnly === true;
  const points = pool.points;
  const iw = pool.interestCodes.words;
  const tw = pool.topicCodes.words;
  const lw = pool.languageCodes.words;
  const sim = new Float64Array(8);
  const needs = Array.from(points, (p) => p > 0);
  // Points the factors not yet computed could still add (similarity at most 1), at each check.
  const restAfterStage = points[2] + points[3] + points[4] + points[5] + points[6] + points[7];
  const restAfterPractice = points[5] + points[6] + points[7];
  const restAfterLanguage = points[7];
  const gapSign = toMentors ? 1 : -1;
  // Practice-setting similarity is symmetric: compare the mentee's wanted value to the mentor's own.
  const candidatePractice = toMentors ? pool.practice : pool.practiceWanted;
  const practiceByCode = practiceTable(toMentors ? q.practiceWanted : q.practice);

  // Availability is sparse: only the query's non-empty words can overlap.
  const weekAt = Int32Array.from(q.week.keys()).filter((w) => q.week[w] !== 0);
  const sameCountry = placeScore['same-country'];
  const sameRegion = placeScore['same-region'];
  const elsewhere = placeScore.different;
  const unknownPlace = placeScore.unknown;

  // Interests and topics are closed lists of at most 32 codes: one word each.
  const oneWord = iw === 1 && tw === 1;
  const qInterests = q.interests.bits[0];
  const qTopics = q.topics.bits[0];
  // Columns in locals: the loop below reads them 20,000 times per query.
  const {
    hospital: cHospital,
    institution: cInstitution,
    wantsExternal: cWantsExternal,
    subspecialty: cSubspecialty,
    specialty: cSpecialty,
    seekerSpecialty: cSeekerSpecialty,
    rank: cRank,
    interests: cInterests,
    interestCount: cInterestCount,
    topics: cTopics,
    topicCount: cTopicCount,
    country: cCountry,
    region: cRegion,
    sameBand: cSameBand,
    offset: cOffset,
    languages: cLanguages,
    preferredLanguages: cPreferredLanguages,
    preferredLanguageCount: cPreferredLanguageCount,
    week: cWeek,
  } = pool;
  for (let i = 0; i < n; i++) {
    if ((roles[i] & bit) === 0 || blocked[i] === 1) continue;
    if (queryWantsExternal || cWantsExternal[i] === 1) {
      const sameOrUnknown =
        q.hospital >= 0 && cHospital[i] >= 0
          ? q.hospital === cHospital[i]
          : q.institution >= 0 && cInstitution[i] >= 0
            ? q.institution === cInstitution[i]
            : true;
      if (sameOrUnknown) continue;
    }
    if (toMentors) {
      const sub = cSubspecialty[i];
      sim[0] = Math.max(byCode[cSpecialty[i]], sub < 0 ? 0 : bySub[sub]);
    } else {
      sim[0] = bySeeker[cSeekerSpecialty[i]];
    }
    sim[1] = stage[(cRank[i] - q.rank) * gapSign + MAX_GAP];
    // `acc` only bounds the score; the score itself is summed in factor order below.
    let acc = points[0] * sim[0] + points[1] * sim[1];
    const floor = sink.floor();
    if (cannotBeat(acc + restAfterStage, floor)) continue;
    if (needs[2]) {
      const both = oneWord
        ? count(qInterests & cInterests[i])
        : shared(q.interests.bits, 0, cInterests, i * iw, iw);
      sim[2] = dice(both, q.interests.count, cInterestCount[i]);
      acc += points[2] * sim[2];
    }
    if (needs[3]) {
      const covered = oneWord
        ? count(qTopics & cTopics[i])
        : shared(q.topics.bits, 0, cTopics, i * tw, tw);
      sim[3] = coverage(covered, toMentors ? q.topics.count : cTopicCount[i]);
      acc += points[3] * sim[3];
    }
    if (needs[4]) {
      sim[4] = practiceByCode[candidatePractice[i]];
      acc += points[4] * sim[4];
    }
    if (cannotBeat(acc + restAfterPractice, floor)) continue;
    if (needs[5]) {
      const c = cCountry[i];
      const place =
        q.country < 0 || c < 0
          ? unknownPlace
          : q.country !== c
            ? elsewhere
            : q.region >= 0 && q.region === cRegion[i]
              ? sameRegion
              : sameCountry;
      const band = toMentors ? q.sameBand : cSameBand[i] === 1;
      sim[5] = geography(place, Math.abs(q.offset - cOffset[i]), band);
      acc += points[5] * sim[5];
    }
    if (needs[6]) {
      const both = shared(q.languages.bits, 0, cLanguages, i * lw, lw);
      sim[6] = toMentors
        ? language(
            both,
            shared(q.preferredLanguages.bits, 0, cLanguages, i * lw, lw),
            q.preferredLanguages.count > 0,
          )
        : language(
            both,
            shared(cPreferredLanguages, i * lw, q.languages.bits, 0, lw),
            cPreferredLanguageCount[i] > 0,
          );
      acc += points[6] * sim[6];
    }
    if (cannotBeat(acc + restAfterLanguage, floor)) continue;
    if (needs[7]) {
      let slots = 0;
      const base = i * weekWords;
      for (let j = 0; j < weekAt.length; j++) {
        const w = weekAt[j];
        slots += count(q.week[w] & cWeek[base + w]);
      }
      sim[7] = available(slots);
    }
    sink.push(i, total(points, sim));
  }
}
