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

function collect(
  { mentee, mentor, role }: PairQuery,
  program: ScoringProgram,
  firstOnly: boolean,
): ConstraintViolation[] {
  const out: ConstraintViolation[] = [];
  const add = (v: ConstraintViolation) => {
    out.push(v);
    return firstOnly;
  };
  const a = mentee.physician;
  const b = mentor.physician;
  if (a.id === b.id && add({ code: 'same-person' })) return out;
  if (!program.rolesOffered.includes(role) && add({ code: 'role-not-offered' })) return out;
  if (
    !seekerSides(role).includes(mentee.enrollment.side) &&
    add({ code: 'wrong-side', party: 'mentee' })
  ) {
    return out;
  }
  if (
    mentor.enrollment.side !== providerSide(role) &&
    add({ code: 'wrong-side', party: 'mentor' })
  ) {
    return out;
  }
  if (!mentee.enrollment.roles.includes(role) && add({ code: 'role-not-sought' })) return out;
  if (!mentor.enrollment.roles.includes(role) && add({ code: 'role-not-provided' })) return out;
  const rules = [
    ['mentee', mentee, isEligible(mentee, program.eligibility?.mentees)],
    ['mentor', mentor, isEligible(mentor, providerEligibility(program, role))],
  ] as const;
  for (const [party, , ok] of rules) {
    if (!ok.stage && add({ code: 'ineligible-stage', party })) return out;
    if (!ok.specialty && add({ code: 'ineligible-specialty', party })) return out;
  }
  const lines = [
    ['mentee', a.reportingLine, b.id],
    ['mentor', b.reportingLine, a.id],
  ] as const;
  for (const [party, line, other] of lines) {
    if (
      line.supervisorIds.includes(other) &&
      add({ code: 'conflict-of-interest', party, relation: 'supervisor' })
    ) {
      return out;
    }
    if (
      line.evaluatorIds.includes(other) &&
      add({ code: 'conflict-of-interest', party, relation: 'evaluator' })
    ) {
      return out;
    }
  }
  const wantsExternal = [
    ['mentee', mentee],
    ['mentor', mentor],
  ] as const;
  for (const [party, p] of wantsExternal) {
    if (p.enrollment.preferences?.externalMentorOnly !== true) continue;
    const basis = sharedWorkplace(mentee, mentor);
    if (basis !== undefined && add({ code: 'external-mentor-only', party, basis })) return out;
  }
  if (
    program.requirements?.mentorTrainingCompleted === true &&
    mentor.enrollment.side === 'mentor' &&
    !b.mentorTrainingCompleted &&
    add({ code: 'mentor-training-required' })
  ) {
    return out;
  }
  if (a.takingBreak && add({ code: 'taking-break', party: 'mentee' })) return out;
  if (b.takingBreak && add({ code: 'taking-break', party: 'mentor' })) return out;
  if (placesLeft(mentor, role) <= 0 && add({ code: 'capacity-exhausted' })) return out;
  if (
    (program.declined ?? []).some((d) => d.mentee === a.id && d.mentor === b.id) &&
    add({ code: 'declined-before' })
  ) {
    return out;
  }
  if (
    (mentee.enrollment.preferences?.exclusions ?? []).includes(b.id) &&
    add({ code: 'excluded', party: 'mentee' })
  ) {
    return out;
  }
  if ((mentor.enrollment.preferences?.exclusions ?? []).includes(a.id))
    add({ code: 'excluded', party: 'mentor' });
  return out;
}

/** Every hard constraint the pair violates, in a fixed order (that of `CONSTRAINT_CODES`, mentee before mentor): "why not this mentor". */
export const pairViolations = (pair: PairQuery, program: ScoringProgram): ConstraintViolation[] =>
  collect(pair, program, false);

/** Whether the pair may be matched at all; stops at the first violation. */
export const isPairAllowed = (pair: PairQuery, program: ScoringProgram): boolean =>
  collect(pair, program, true).length === 0;
