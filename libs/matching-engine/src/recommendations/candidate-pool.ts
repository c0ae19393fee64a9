import type { MentorshipRole, PracticeSetting } from '@medmentor/domain';
import { careerStageRank, MENTORSHIP_ROLES, PRACTICE_SETTINGS } from '@medmentor/domain';
import { canonicalOrder, indexIds } from '../ids';
import { normalizeInstitution, positionAllowed } from '../scoring/pair-constraints';
import { factorPoints } from '../scoring/score-points';
import type { ScoringOptions, ScoringParticipant, ScoringProgram } from '../scoring/scoring.types';
import { utcOffsetMinutes } from '../scoring/utc-offset';
import { WEEK_WORDS, weekBitmap } from '../scoring/weekly-availability';
import { CodeIndex, ValueIndex } from './code-index';

/** A distinct (specialty, subspecialty, preferred specialties) of candidates seeking mentors. */
export interface SeekerSpecialty {
  readonly specialty: string;
  readonly subspecialty?: string;
  readonly preferred: ReadonlySet<string>;
}

const AXES = ['model', 'geography', 'care'] as const;

/** The code of a practice-setting value on its axis, or -1 when absent. */
export const axisCode = (axis: (typeof AXES)[number], value: string | undefined): number =>
  value === undefined ? -1 : (PRACTICE_SETTINGS[axis] as readonly string[]).indexOf(value);

/** The three axes in one number 0..63: axis a contributes (value code + 1) × 4^a. */
export const practiceCode = (setting: PracticeSetting): number =>
  AXES.reduce((code, axis, a) => code + (axisCode(axis, setting[axis]) + 1) * 4 ** a, 0);

/** The axis value codes (-1 when absent) of a `practiceCode`. */
export const practiceAxes = (code: number): number[] =>
  AXES.map((_, a) => (Math.floor(code / 4 ** a) % 4) - 1);

const definedOnly = (setting: PracticeSetting | undefined): PracticeSetting =>
  Object.fromEntries(Object.entries(setting ?? {}).filter(([, v]) => v !== undefined));

const roleBit = (role: MentorshipRole) => 1 << MENTORSHIP_ROLES.indexOf(role);

/**
 * Participants of one program compiled once into columns (typed arrays, bitsets, UTC week bitmaps
 * at the reference instant, offsets, stage ranks) for scanning thousands of candidates per query.
 * Candidate i is `participants[i]`, in id order, so "lower index" is "lower id". Besides `size`,
 * `participants`, `program` and `options`, the fields are the scan's columns, not an API.
 */
export class CandidatePool {
  readonly size: number;
  readonly participants: readonly ScoringParticipant[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly points: Float64Array;

  readonly specialtyCodes = new ValueIndex();
  readonly specialty: Int32Array;
  readonly subspecialty: Int32Array;
  readonly seekerSpecialties: SeekerSpecialty[] = [];
  readonly seekerSpecialty: Int32Array;
  readonly rank: Uint8Array;

  readonly interestCodes = new CodeIndex();
  readonly interests: Uint32Array;
  readonly interestCount: Uint16Array;
  readonly topicCodes = new CodeIndex();
  readonly topics: Uint32Array;
  readonly topicCount: Uint16Array;
  readonly languageCodes = new CodeIndex();
  readonly languages: Uint32Array;
  readonly languageCount: Uint16Array;
  readonly preferredLanguages: Uint32Array;
  readonly preferredLanguageCount: Uint16Array;

  /**
   * Own practice setting and, as a seeker, the wanted one (preferred, else own), each as one code
   * of its three axes (`practiceCode`).
   */
  readonly practice: Uint8Array;
  readonly practiceWanted: Uint8Array;

  readonly countries = new ValueIndex();
  readonly regions = new ValueIndex();
  readonly country: Int32Array;
  readonly region: Int32Array;
  readonly offset: Int32Array;
  readonly sameBand: Uint8Array;
  readonly week: Uint32Array;

  /** Roles (bit per `MENTORSHIP_ROLES` entry) each candidate may seek, and may provide. */
  readonly seekRoles: Uint8Array;
  readonly provideRoles: Uint8Array;
  readonly hospitals = new ValueIndex();
  readonly institutions = new ValueIndex();
  readonly hospital: Int32Array;
  readonly institution: Int32Array;
  readonly wantsExternal: Uint8Array;
  /** For a physician id: the candidates whose reporting line, or exclusions, name it. */
  readonly namedBy = new Map<string, number[]>();
  readonly excludedBy = new Map<string, number[]>();
  /** Declined pairs by mentee id (mentor ids) and by mentor id (mentee ids). */
  readonly declinedMentors = new Map<string, string[]>();
  readonly declinedMentees = new Map<string, string[]>();

  constructor(
    participants: readonly ScoringParticipant[],
    readonly program: ScoringProgram,
    readonly options: ScoringOptions,
  ) {
    const ids = participants.map((p) => p.physician.id);
    indexIds(ids, 'participant');
    const sorted = Array.from(canonicalOrder(ids), (i) => participants[i]);
    const n = sorted.length;
    this.size = n;
    this.participants = sorted;
    this.indexOf = new Map(sorted.map((p, i) => [p.physician.id, i]));
    this.points = factorPoints(program.weights);

    for (const p of sorted) {
      this.interestCodes.add(p.physician.interests);
      this.topicCodes.add(p.enrollment.topics);
      this.languageCodes.add(p.physician.languages);
      this.languageCodes.add(p.enrollment.preferences?.preferred?.languages);
    }
    const iw = this.interestCodes.words;
    const tw = this.topicCodes.words;
    const lw = this.languageCodes.words;
    this.specialty = new Int32Array(n);
    this.subspecialty = new Int32Array(n);
    this.seekerSpecialty = new Int32Array(n);
    this.rank = new Uint8Array(n);
    this.interests = new Uint32Array(n * iw);
    this.interestCount = new Uint16Array(n);
    this.topics = new Uint32Array(n * tw);
    this.topicCount = new Uint16Array(n);
    this.languages = new Uint32Array(n * lw);
    this.languageCount = new Uint16Array(n);
    this.preferredLanguages = new Uint32Array(n * lw);
    this.preferredLanguageCount = new Uint16Array(n);
    this.practice = new Uint8Array(n);
    this.practiceWanted = new Uint8Array(n);
    this.country = new Int32Array(n);
    this.region = new Int32Array(n);
    this.offset = new Int32Array(n);
    this.sameBand = new Uint8Array(n);
    this.week = new Uint32Array(n * WEEK_WORDS);
    this.seekRoles = new Uint8Array(n);
    this.provideRoles = new Uint8Array(n);
    this.hospital = new Int32Array(n);
    this.institution = new Int32Array(n);
    this.wantsExternal = new Uint8Array(n);

    const seekerKeys = new Map<string, number>();
    const link = (map: Map<string, number[]>, id: string, i: number) => {
      const list = map.get(id);
      if (!list) map.set(id, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    for (let i = 0; i < n; i++) {
      const { physician: ph, enrollment: en } = sorted[i];
      const preferred = en.preferences?.preferred ?? {};
      this.specialty[i] = this.specialtyCodes.intern(ph.specialty);
      this.subspecialty[i] = this.specialtyCodes.intern(ph.subspecialty);
      const wanted = [...new Set(preferred.specialties ?? [])].sort();
      const key = JSON.stringify([ph.specialty, ph.subspecialty ?? null, wanted]);
      let s = seekerKeys.get(key);
      if (s === undefined) {
        s = this.seekerSpecialties.length;
        seekerKeys.set(key, s);
        this.seekerSpecialties.push({
          specialty: ph.specialty,
          ...(ph.subspecialty === undefined ? {} : { subspecialty: ph.subspecialty }),
          preferred: new Set(wanted),
        });
      }
      this.seekerSpecialty[i] = s;
      this.rank[i] = careerStageRank(ph.careerStage);
      this.interestCount[i] = this.interestCodes.write(ph.interests, this.interests, i * iw);
      this.topicCount[i] = this.topicCodes.write(en.topics, this.topics, i * tw);
      this.languageCount[i] = this.languageCodes.write(ph.languages, this.languages, i * lw);
      this.preferredLanguageCount[i] = this.languageCodes.write(
        preferred.languages,
        this.preferredLanguages,
        i * lw,
      );
      this.practice[i] = practiceCode(ph.practiceSetting);
      this.practiceWanted[i] = practiceCode({
        ...ph.practiceSetting,
        ...definedOnly(preferred.practiceSetting),
      });
      this.country[i] = this.countries.intern(ph.country);
      this.region[i] =
        ph.country === undefined ? -1 : this.regions.intern(regionKey(ph.country, ph.region));
      this.offset[i] = utcOffsetMinutes(ph.timeZone, options.at);
      this.sameBand[i] = preferred.sameTimeZoneBand === true ? 1 : 0;
      this.week.set(weekBitmap(ph.availability, this.offset[i]), i * WEEK_WORDS);
      for (const role of MENTORSHIP_ROLES) {
        if (positionAllowed(sorted[i], 'mentee', role, program)) this.seekRoles[i] |= roleBit(role);
        if (positionAllowed(sorted[i], 'mentor', role, program)) {
          this.provideRoles[i] |= roleBit(role);
        }
      }
      this.hospital[i] = this.hospitals.intern(ph.hospitalId);
      this.institution[i] = this.institutions.intern(
        ph.institution === undefined ? undefined : normalizeInstitution(ph.institution),
      );
      this.wantsExternal[i] = en.preferences?.externalMentorOnly === true ? 1 : 0;
      for (const id of ph.reportingLine.supervisorIds) link(this.namedBy, id, i);
      for (const id of ph.reportingLine.evaluatorIds) link(this.namedBy, id, i);
      for (const id of en.preferences?.exclusions ?? []) link(this.excludedBy, id, i);
    }
    for (const d of program.declined ?? []) {
      this.declinedMentors.set(d.mentee, [...(this.declinedMentors.get(d.mentee) ?? []), d.mentor]);
      this.declinedMentees.set(d.mentor, [...(this.declinedMentees.get(d.mentor) ?? []), d.mentee]);
    }
  }
}

/** Regions are compared within a country only. */
export const regionKey = (country: string, region: string | undefined): string | undefined =>
  region === undefined ? undefined : `${country}\u0000${region}`;

export { roleBit };

/**
 * Compiles a program's participants once for recommendations and batch scoring, with UTC offsets
 * and availability taken at `options.at`. Refuses duplicate ids.
 */
export const compileCandidatePool = (
  participants: readonly ScoringParticipant[],
  program: ScoringProgram,
  options: ScoringOptions,
): CandidatePool => new CandidatePool(participants, program, options);
