import type { MentorshipRole } from '@medmentor/domain';
import { popcount, sharedBits } from '../bits';
import {
  availabilitySimilarity,
  coverageSimilarity,
  diceSimilarity,
  geographyOfPlace,
  languageSimilarity,
  PLACE_SIMILARITY,
  stageSimilarity,
} from '../scoring/factor-similarity';
import { positionAllowed } from '../scoring/pair-constraints';
import { totalPoints } from '../scoring/score-points';
import type { ScoringParticipant } from '../scoring/scoring.types';
import { WEEK_WORDS } from '../scoring/weekly-availability';
import type { CandidatePool } from './candidate-pool';
import { roleBit } from './candidate-pool';
import { BoundedHeap } from './bounded-heap';
import { blockedColumn, compileQuery, practiceTable, specialtyTables } from './query-tables';

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
const geography = geographyOfPlace;
const language = languageSimilarity;
const available = availabilitySimilarity;
const total = totalPoints;
const placeScore = PLACE_SIMILARITY;
const weekWords = WEEK_WORDS;

/** Score of a candidate the hard constraints exclude. */
export const EXCLUDED = -1;

const MAX_GAP = 11;

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
