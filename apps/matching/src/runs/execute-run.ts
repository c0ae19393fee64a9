import type { MentorshipRole } from '@medmentor/domain';
import {
  compileAssignment,
  compileNationalInstance,
  isPairAllowed,
  matchesToArcs,
  matchNational,
  pairsToMatching,
  pruneCandidates,
  scorePair,
  solveAssignment,
  solveBoards,
  verifyAssignment,
  verifyStable,
  type AssignmentScore,
  type FactorExplanation,
  type NationalStats,
  type ScoringParticipant,
} from '@medmentor/matching-engine';
import type { RunInput, RunParameters, RunParticipant } from './run-input';
import { verifyBoards } from './verify-boards';

export interface RunMatch {
  readonly menteeEnrollmentId: string;
  readonly mentorEnrollmentId: string;
  readonly menteeId: string;
  readonly mentorId: string;
  readonly role: MentorshipRole;
  /** Compatibility score, 0..1000 (the engine's scale). */
  readonly score: number;
  /** Each factor's share of the score. */
  readonly factors: readonly FactorExplanation[];
  /** National: the place each side gave the other on its list (1 = first choice). */
  readonly menteeRank?: number;
  readonly mentorRank?: number;
}

export interface RunVerification {
  readonly verified: boolean;
  /** What was proved: stability (national), optimality (assignment), feasibility (boards). */
  readonly method: 'stability' | 'optimality' | 'feasibility';
  readonly detail?: string;
}

export interface RunOutput {
  /** By mentee enrollment id, then role. */
  readonly matches: readonly RunMatch[];
  readonly unmatched: readonly {
    readonly menteeEnrollmentId: string;
    readonly role: MentorshipRole;
  }[];
  readonly total: number;
  readonly pairsAllowed: number;
  readonly stats?: NationalStats;
  readonly verification: RunVerification;
}

export type RunPhaseHook = (phase: 'solve' | 'verify') => void;

const key = (mentee: string, mentor: string, role: string) =>
  `${mentee}\u0000${mentor}\u0000${role}`;

/** Places a provider has for the whole run: the smaller of its profile and program limits. */
export const placesOf = (p: ScoringParticipant, seekers: number): number => {
  const program = p.enrollment.capacityLeft ?? seekers;
  return p.enrollment.side === 'peer' ? program : Math.min(program, p.physician.capacityLeft);
};

interface Candidates {
  readonly scores: { mentee: string; mentor: string; role: MentorshipRole; score: number }[];
  readonly explain: Map<string, readonly FactorExplanation[]>;
}

const candidatePairs = (input: RunInput, roles: readonly MentorshipRole[]): Candidates => {
  const scores: Candidates['scores'] = [];
  const explain = new Map<string, readonly FactorExplanation[]>();
  const options = { at: new Date(input.at) };
  for (const role of roles) {
    for (const seeker of input.seekers) {
      for (const provider of input.providers) {
        const query = { mentee: seeker.participant, mentor: provider.participant, role };
        if (!isPairAllowed(query, input.program)) continue;
        const scored = scorePair(query, input.program, options);
        scores.push({
          mentee: seeker.enrollmentId,
          mentor: provider.enrollmentId,
          role,
          score: scored.score,
        });
        explain.set(key(seeker.enrollmentId, provider.enrollmentId, role), scored.factors);
      }
    }
  }
  return { scores, explain };
};

const physicianOf = (list: readonly RunParticipant[]) => {
  const map = new Map(list.map((p) => [p.enrollmentId, p.participant.physician.id]));
  return (enrollmentId: string): string => map.get(enrollmentId) ?? enrollmentId;
};

const runCohort = (input: RunInput, params: RunParameters, hook: RunPhaseHook): RunOutput => {
  const boards = input.algorithm === 'boards';
  const roles = boards ? input.roles : input.roles.slice(0, 1);
  const { scores, explain } = candidatePairs(input, roles);
  const mentees = input.seekers.map((s) => ({ id: s.enrollmentId }));
  const mentors = input.providers.map((p) => ({
    id: p.enrollmentId,
    capacity: placesOf(p.participant, input.seekers.length),
  }));
  const menteeOf = physicianOf(input.seekers);
  const mentorOf = physicianOf(input.providers);
  const toMatch = (m: {
    mentee: string;
    mentor: string;
    role: MentorshipRole;
    score: number;
  }): RunMatch => ({
    menteeEnrollmentId: m.mentee,
    mentorEnrollmentId: m.mentor,
    menteeId: menteeOf(m.mentee),
    mentorId: mentorOf(m.mentor),
    role: m.role,
    score: m.score,
    factors: explain.get(key(m.mentee, m.mentor, m.role)) ?? [],
  });
  hook('solve');
  if (boards) {
    const instance = { roles, mentees, mentors, scores };
    const result = solveBoards(instance, { maximizeMatches: params.maximizeMatches });
    hook('verify');
    const verdict = verifyBoards(instance, result.seats);
    return {
      matches: result.seats.map((seat) => toMatch({ ...seat, role: seat.role as MentorshipRole })),
      unmatched: result.empty.map((seat) => ({
        menteeEnrollmentId: seat.mentee,
        role: seat.role as MentorshipRole,
      })),
      total: result.total,
      pairsAllowed: scores.length,
      verification: { method: 'feasibility', ...verdict },
    };
  }
  const role = roles[0];
  const pairs: AssignmentScore[] = scores.map(({ mentee, mentor, score }) => ({
    mentee,
    mentor,
    score,
  }));
  const kept =
    params.candidatesPerMentee === undefined
      ? pairs
      : pruneCandidates(pairs, params.candidatesPerMentee);
  const instance = { mentees, mentors, scores: kept };
  const options = { maximizeMatches: params.maximizeMatches };
  const result = solveAssignment(instance, options);
  hook('verify');
  const compiled = compileAssignment(instance, options);
  const arcs = matchesToArcs(compiled, result.matches);
  const verdict = arcs.ok ? verifyAssignment(compiled, arcs.arcOf) : undefined;
  return {
    matches: result.matches.map((m) => toMatch({ ...m, role })),
    unmatched: result.unmatched.map((menteeEnrollmentId) => ({ menteeEnrollmentId, role })),
    total: result.total,
    pairsAllowed: kept.length,
    verification: {
      method: 'optimality',
      verified: verdict?.optimal === true,
      ...(verdict === undefined
        ? { detail: arcs.ok ? undefined : arcs.reason }
        : verdict.optimal
          ? {}
          : { detail: verdict.reason }),
    },
  };
};

/** Ranked entries that exist in this run and that no hard constraint forbids, first mention kept. */
const usableRanks = (
  list: readonly string[] | undefined,
  others: ReadonlyMap<string, RunParticipant>,
  allowed: (other: RunParticipant) => boolean,
): string[] => {
  const seen = new Set<string>();
  return (list ?? []).filter((id) => {
    const other = others.get(id);
    if (other === undefined || seen.has(id) || !allowed(other)) return false;
    seen.add(id);
    return true;
  });
};

const runNational = (input: RunInput, params: RunParameters, hook: RunPhaseHook): RunOutput => {
  const role = input.roles[0];
  const seekers = new Map(input.seekers.map((s) => [s.enrollmentId, s]));
  const providers = new Map(input.providers.map((p) => [p.enrollmentId, p]));
  const allowed = (seeker: RunParticipant, provider: RunParticipant) =>
    isPairAllowed(
      { mentee: seeker.participant, mentor: provider.participant, role },
      input.program,
    );
  const instance = {
    applicants: input.seekers.map((s) => ({
      id: s.enrollmentId,
      ranks: usableRanks(s.rankList, providers, (p) => allowed(s, p)),
    })),
    programs: input.providers.map((p) => ({
      id: p.enrollmentId,
      capacity: placesOf(p.participant, input.seekers.length),
      ranks: usableRanks(p.rankList, seekers, (s) => allowed(s, p)),
    })),
  };
  hook('solve');
  const result = matchNational(instance, {
    proposer: params.proposer === 'mentors' ? 'programs' : 'applicants',
  });
  hook('verify');
  const compiled = compileNationalInstance(instance);
  const decoded = pairsToMatching(compiled, result.matches);
  const verdict = decoded.ok ? verifyStable(compiled, decoded.programOf) : undefined;
  const rankIn = (list: readonly string[], id: string) => list.indexOf(id) + 1;
  const lists = new Map([...instance.applicants, ...instance.programs].map((e) => [e.id, e.ranks]));
  const options = { at: new Date(input.at) };
  const matches = result.matches.map(({ applicant, program }): RunMatch => {
    const seeker = seekers.get(applicant)!;
    const provider = providers.get(program)!;
    const scored = scorePair(
      { mentee: seeker.participant, mentor: provider.participant, role },
      input.program,
      options,
    );
    return {
      menteeEnrollmentId: applicant,
      mentorEnrollmentId: program,
      menteeId: seeker.participant.physician.id,
      mentorId: provider.participant.physician.id,
      role,
      score: scored.score,
      factors: scored.factors,
      menteeRank: rankIn(lists.get(applicant) ?? [], program),
      mentorRank: rankIn(lists.get(program) ?? [], applicant),
    };
  });
  return {
    matches,
    unmatched: result.unmatched.map((menteeEnrollmentId) => ({ menteeEnrollmentId, role })),
    total: matches.reduce((sum, m) => sum + m.score, 0),
    pairsAllowed: instance.applicants.reduce((sum, a) => sum + a.ranks.length, 0),
    stats: result.stats,
    verification: {
      method: 'stability',
      verified: verdict?.stable === true,
      ...(verdict === undefined
        ? { detail: decoded.ok ? undefined : decoded.reason }
        : verdict.stable
          ? {}
          : { detail: verdict.reason }),
    },
  };
};

/**
 * Solves a run's input and verifies the result with a check independent of the solver. Pure and
 * deterministic: the same input and parameters give the same output, byte for byte.
 */
export const executeRun = (
  input: RunInput,
  params: RunParameters,
  hook: RunPhaseHook = () => undefined,
): RunOutput =>
  input.algorithm === 'deferred-acceptance'
    ? runNational(input, params, hook)
    : runCohort(input, params, hook);
