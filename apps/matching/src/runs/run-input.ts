import type { MatchAlgorithm, MatchingMode, ProgramConfig } from '@medmentor/contracts';
import type { MentorshipRole } from '@medmentor/domain';
import type { DeclinedPair, ScoringParticipant, ScoringProgram } from '@medmentor/matching-engine';
import type { EnrollmentFact } from '../read-model/schemas/enrollment-fact.schema';
import type { PhysicianFact } from '../read-model/schemas/physician-fact.schema';
import {
  isLeftOut,
  scoringInstant,
  scoringParticipant,
  scoringProgram,
  type LeftOut,
  type LiveLoad,
} from '../scoring/scoring-inputs';

export interface RunParticipant {
  readonly enrollmentId: string;
  readonly participant: ScoringParticipant;
  /** National programs: the frozen rank list (enrollment ids of the other side). */
  readonly rankList?: readonly string[];
}

/** Everything a run depends on: its canonical JSON is hashed into the run's `inputHash`. */
export interface RunInput {
  readonly programId: string;
  readonly programVersion: number;
  readonly matchingMode: Exclude<MatchingMode, 'self-match'>;
  readonly algorithm: MatchAlgorithm;
  readonly roles: readonly MentorshipRole[];
  readonly program: ScoringProgram;
  /** Reference instant for time-zone arithmetic in scores. */
  readonly at: string;
  /** Mentees (and peers seeking a peer), by enrollment id. */
  readonly seekers: readonly RunParticipant[];
  /** Mentors (and peers offering to be one), by enrollment id. */
  readonly providers: readonly RunParticipant[];
  readonly leftOut: readonly LeftOut[];
}

export interface RunParameters {
  /** National only: who proposes in deferred acceptance. */
  readonly proposer?: 'mentees' | 'mentors';
  /** Cohort only: first match as many mentees as possible, then maximise the total score. */
  readonly maximizeMatches: boolean;
  /** Cohort assignment only: keep each mentee's k best mentors before solving. */
  readonly candidatesPerMentee?: number;
  /** Recorded with the run; the algorithms are deterministic and draw no random numbers. */
  readonly seed: number;
}

/** Which algorithm a program's mode and roles call for. */
export const algorithmFor = (config: ProgramConfig): MatchAlgorithm | undefined => {
  if (config.matchingMode === 'national-ranked') return 'deferred-acceptance';
  if (config.matchingMode === 'cohort')
    return config.rolesOffered.length > 1 ? 'boards' : 'assignment';
  return undefined;
};

const byId = (a: { enrollmentId: string }, b: { enrollmentId: string }): number =>
  a.enrollmentId < b.enrollmentId ? -1 : a.enrollmentId > b.enrollmentId ? 1 : 0;

export interface RunFacts {
  readonly config: ProgramConfig;
  readonly enrollments: readonly EnrollmentFact[];
  readonly physicians: ReadonlyMap<string, PhysicianFact>;
  readonly load: LiveLoad;
  readonly declined: readonly DeclinedPair[];
}

/** The run's input from the read model, in a canonical order (by enrollment id). */
export const buildRunInput = (facts: RunFacts, algorithm: MatchAlgorithm): RunInput => {
  const { config } = facts;
  const roles = config.rolesOffered.map((offer) => offer.role);
  const national = config.matchingMode === 'national-ranked';
  const seekers: RunParticipant[] = [];
  const providers: RunParticipant[] = [];
  const leftOut: LeftOut[] = [];
  for (const enrollment of [...facts.enrollments].sort(byId)) {
    const physician =
      enrollment.physicianId === undefined
        ? undefined
        : facts.physicians.get(enrollment.physicianId);
    const scored = scoringParticipant(enrollment, physician, facts.load);
    if (isLeftOut(scored)) {
      leftOut.push(scored);
      continue;
    }
    const entry: RunParticipant = {
      enrollmentId: enrollment.enrollmentId,
      participant: scored,
      ...(national && { rankList: enrollment.rankListFrozen ? (enrollment.rankList ?? []) : [] }),
    };
    const side = scored.enrollment.side;
    const peers = roles.includes('peer') && side === 'peer';
    if (side === 'mentee' || peers) seekers.push(entry);
    if (side === 'mentor' || peers) providers.push(entry);
  }
  return {
    programId: config.programId,
    programVersion: config.version,
    matchingMode: national ? 'national-ranked' : 'cohort',
    algorithm,
    roles,
    program: scoringProgram(
      config,
      [...facts.declined].sort((a, b) =>
        a.mentee === b.mentee ? (a.mentor < b.mentor ? -1 : 1) : a.mentee < b.mentee ? -1 : 1,
      ),
    ),
    at: scoringInstant(config),
    seekers,
    providers,
    leftOut,
  };
};
