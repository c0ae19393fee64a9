import type { MentorshipRole } from '@medmentor/domain';
import type {
  PairQuery,
  ScoringParticipant,
  ScoringProgram,
  SideEligibility,
} from './scoring.types';

/** Stable codes of the hard constraints; a pair that violates any is never matched. */
export const CONSTRAINT_CODES = [
  'same-person',
  'role-not-offered',
  'wrong-side',
  'role-not-sought',
  'role-not-provided',
  'ineligible-stage',
  'ineligible-specialty',
  'conflict-of-interest',
  'external-mentor-only',
  'mentor-training-required',
  'taking-break',
  'capacity-exhausted',
  'declined-before',
  'excluded',
] as const;

export type ConstraintCode = (typeof CONSTRAINT_CODES)[number];

export type PairParty = 'mentee' | 'mentor';

/**
 * One violated constraint. `party` names the side it concerns: the one who is ineligible, on a
 * break, excluded the other, asked for an external mentor, or whose reporting line names the other
 * (`relation` says as what).
 */
export interface ConstraintViolation {
  readonly code: ConstraintCode;
  readonly party?: PairParty;
  readonly relation?: 'supervisor' | 'evaluator';
  /** For `external-mentor-only`: what showed the two to be in the same place, or `unknown`. */
  readonly basis?: 'hospital' | 'institution' | 'unknown';
}

/** The side a participant must have enrolled on to take each position for `role`. */
export const providerSide = (role: MentorshipRole) => (role === 'peer' ? 'peer' : 'mentor');
export const seekerSides = (role: MentorshipRole): readonly string[] =>
  role === 'peer' ? ['mentee', 'peer'] : ['mentee'];

export function isEligible(
  p: ScoringParticipant,
  rule: SideEligibility | undefined,
): {
  stage: boolean;
  specialty: boolean;
} {
  const stages = rule?.careerStages ?? [];
  const specialties = rule?.specialties ?? [];
  const { careerStage, specialty, subspecialty } = p.physician;
  return {
    stage: stages.length === 0 || stages.includes(careerStage.stage),
    specialty:
      specialties.length === 0 ||
      specialties.includes(specialty) ||
      (subspecialty !== undefined && specialties.includes(subspecialty)),
  };
}

/** Eligibility rules for a participant in the provider position: peers follow the mentee rules. */
export const providerEligibility = (program: ScoringProgram, role: MentorshipRole) =>
  role === 'peer' ? program.eligibility?.mentees : program.eligibility?.mentors;

/**
 * Whether the two physicians are known to share a workplace: by hospital id when both have one,
 * else by institution name (trimmed, case-insensitive) when both have one; else `unknown`.
 */
export function sharedWorkplace(
  a: ScoringParticipant,
  b: ScoringParticipant,
): 'hospital' | 'institution' | 'unknown' | undefined {
  const x = a.physician;
  const y = b.physician;
  if (x.hospitalId !== undefined && y.hospitalId !== undefined) {
    return x.hospitalId === y.hospitalId ? 'hospital' : undefined;
  }
  if (x.institution !== undefined && y.institution !== undefined) {
    return normalizeInstitution(x.institution) === normalizeInstitution(y.institution)
      ? 'institution'
      : undefined;
  }
  return 'unknown';
}

export const normalizeInstitution = (name: string): string => name.trim().toLowerCase();

/** Places a provider still has: the smaller of its profile-wide and program limits. */
export function placesLeft(p: ScoringParticipant, role: MentorshipRole): number {
  const program = p.enrollment.capacityLeft ?? Infinity;
  // Peers are not mentors: only a program limit applies to them.
  return role === 'peer' ? program : Math.min(program, p.physician.capacityLeft);
}

type Sink = (v: ConstraintViolation) => boolean;

/**
 * The constraints on one participant alone in a position (seeker: `mentee`, provider: `mentor`):
 * side, role, eligibility, training, break, capacity. Returns true when `add` asks to stop.
 */
function positionChecks(
  p: ScoringParticipant,
  party: PairParty,
  role: MentorshipRole,
  program: ScoringProgram,
  add: Sink,
): boolean {
  const seeker = party === 'mentee';
  const sideOk = seeker
    ? seekerSides(role).includes(p.enrollment.side)
    : p.enrollment.side === providerSide(role);
  if (!sideOk && add({ code: 'wrong-side', party })) return true;
  if (!p.enrollment.roles.includes(role)) {
    if (add({ code: seeker ? 'role-not-sought' : 'role-not-provided' })) return true;
  }
  const ok = isEligible(
    p,
    seeker ? program.eligibility?.mentees : providerEligibility(program, role),
  );
  if (!ok.stage && add({ code: 'ineligible-stage', party })) return true;
  if (!ok.specialty && add({ code: 'ineligible-specialty', party })) return true;
  if (
    !seeker &&
    program.requirements?.mentorTrainingCompleted === true &&
    p.enrollment.side === 'mentor' &&
    !p.physician.mentorTrainingCompleted &&
    add({ code: 'mentor-training-required' })
  ) {
    return true;
  }
  if (p.physician.takingBreak && add({ code: 'taking-break', party })) return true;
  return !seeker && placesLeft(p, role) <= 0 && add({ code: 'capacity-exhausted' });
}

/** Whether a participant may take a position for `role` at all, whoever the other side is. */
export function positionAllowed(
  p: ScoringParticipant,
  party: PairParty,
  role: MentorshipRole,
  program: ScoringProgram,
): boolean {
  return (
    program.rolesOffered.includes(role) && !positionChecks(p, party, role, program, () => true)
  );
}

function collect(
  { mentee, mentor, role }: PairQuery,
  program: ScoringProgram,
  firstOnly: boolean,
): ConstraintViolation[] {
  const out: ConstraintViolation[] = [];
  const add: Sink = (v) => {
    out.push(v);
    return firstOnly;
  };
  const a = mentee.physician;
  const b = mentor.physician;
  if (a.id === b.id && add({ code: 'same-person' })) return out;
  if (!program.rolesOffered.includes(role) && add({ code: 'role-not-offered' })) return out;
  if (positionChecks(mentee, 'mentee', role, program, add)) return out;
  if (positionChecks(mentor, 'mentor', role, program, add)) return out;
  const lines = [
    ['mentee', a.reportingLine, b.id],
    ['mentor', b.reportingLine, a.id],
  ] as const;
  for (const [party, line, other] of lines) {
    for (const relation of ['supervisor', 'evaluator'] as const) {
      const ids = relation === 'supervisor' ? line.supervisorIds : line.evaluatorIds;
      if (ids.includes(other) && add({ code: 'conflict-of-interest', party, relation })) return out;
    }
  }
  const parties = [
    ['mentee', mentee],
    ['mentor', mentor],
  ] as const;
  for (const [party, p] of parties) {
    if (p.enrollment.preferences?.externalMentorOnly !== true) continue;
    const basis = sharedWorkplace(mentee, mentor);
    if (basis !== undefined && add({ code: 'external-mentor-only', party, basis })) return out;
  }
  const declined = (program.declined ?? []).some((d) => d.mentee === a.id && d.mentor === b.id);
  if (declined && add({ code: 'declined-before' })) return out;
  for (const [party, p] of parties) {
    const other = party === 'mentee' ? b.id : a.id;
    if ((p.enrollment.preferences?.exclusions ?? []).includes(other)) {
      if (add({ code: 'excluded', party })) return out;
    }
  }
  return out;
}

/** Every hard constraint the pair violates, in a fixed order: same person, role offered, the mentee's own, the mentor's own, then those of the pair: "why not this mentor". */
export const pairViolations = (pair: PairQuery, program: ScoringProgram): ConstraintViolation[] =>
  collect(pair, program, false);

/** Whether the pair may be matched at all; stops at the first violation. */
export const isPairAllowed = (pair: PairQuery, program: ScoringProgram): boolean =>
  collect(pair, program, true).length === 0;
