import type { MentorshipRole } from '@medmentor/domain';
import { mentee, mentor, peer, physician, participant, program } from '../testing/scoring-fixtures';
import { isPairAllowed, pairViolations } from './pair-constraints';
import type { ConstraintViolation } from './pair-constraints';
import type { ScoringParticipant, ScoringProgram } from './scoring.types';

const a = mentee('a', { hospitalId: 'h1' });
const b = mentor('b', { hospitalId: 'h2' });

const check = (
  x: ScoringParticipant,
  y: ScoringParticipant,
  p: ScoringProgram = program(),
  role: MentorshipRole = 'clinical',
) => {
  const violations = pairViolations({ mentee: x, mentor: y, role }, p);
  expect(isPairAllowed({ mentee: x, mentor: y, role }, p)).toBe(violations.length === 0);
  return violations;
};

describe('pair constraints', () => {
  it('allows an ordinary pair', () => {
    expect(check(a, b)).toEqual([]);
  });

  it.each<
    [
      string,
      ScoringParticipant,
      ScoringParticipant,
      ScoringProgram,
      MentorshipRole,
      ConstraintViolation,
    ]
  >([
    ['same person', a, mentor('a'), program(), 'clinical', { code: 'same-person' }],
    [
      'role the program does not offer',
      a,
      b,
      program({ rolesOffered: ['career'] }),
      'clinical',
      { code: 'role-not-offered' },
    ],
    [
      'mentor in the mentee position',
      mentor('c'),
      b,
      program(),
      'clinical',
      { code: 'wrong-side', party: 'mentee' },
    ],
    [
      'peer in the mentor position',
      a,
      peer('c', { careerStage: { stage: 'senior' } }, { roles: ['peer', 'clinical'] }),
      program(),
      'clinical',
      { code: 'wrong-side', party: 'mentor' },
    ],
    [
      'a mentor for the peer role',
      a,
      mentor('c', {}, { roles: ['clinical', 'peer'] }),
      program(),
      'peer',
      { code: 'wrong-side', party: 'mentor' },
    ],
    [
      'role not sought',
      mentee('c', {}, { roles: ['career'] }),
      b,
      program(),
      'clinical',
      { code: 'role-not-sought' },
    ],
    [
      'role not provided',
      a,
      mentor('c', {}, { roles: ['wellness'] }),
      program(),
      'clinical',
      { code: 'role-not-provided' },
    ],
    [
      'mentee stage not eligible',
      a,
      b,
      program({ eligibility: { mentees: { careerStages: ['fellow'] } } }),
      'clinical',
      { code: 'ineligible-stage', party: 'mentee' },
    ],
    [
      'mentor specialty not eligible',
      a,
      b,
      program({ eligibility: { mentors: { specialties: ['pediatrics'] } } }),
      'clinical',
      { code: 'ineligible-specialty', party: 'mentor' },
    ],
    [
      'peer judged by the mentee rules',
      peer('c'),
      peer('d', { careerStage: { stage: 'fellow' } }),
      program({ eligibility: { mentees: { careerStages: ['resident'] } } }),
      'peer',
      { code: 'ineligible-stage', party: 'mentor' },
    ],
    [
      'mentor supervises the mentee',
      mentee('c', { reportingLine: { supervisorIds: ['b'], evaluatorIds: [] } }),
      b,
      program(),
      'clinical',
      { code: 'conflict-of-interest', party: 'mentee', relation: 'supervisor' },
    ],
    [
      'mentor evaluates the mentee',
      mentee('c', { reportingLine: { supervisorIds: [], evaluatorIds: ['b'] } }),
      b,
      program(),
      'clinical',
      { code: 'conflict-of-interest', party: 'mentee', relation: 'evaluator' },
    ],
    [
      'mentee supervises the mentor',
      a,
      mentor('c', { reportingLine: { supervisorIds: ['a'], evaluatorIds: [] } }),
      program(),
      'clinical',
      { code: 'conflict-of-interest', party: 'mentor', relation: 'supervisor' },
    ],
    [
      'external only, same hospital',
      mentee('c', { hospitalId: 'h2' }, { preferences: { externalMentorOnly: true } }),
      b,
      program(),
      'clinical',
      { code: 'external-mentor-only', party: 'mentee', basis: 'hospital' },
    ],
    [
      'external only, same institution (no hospital ids)',
      mentee('c', { institution: 'Mercy General ' }, { preferences: { externalMentorOnly: true } }),
      mentor('d', { institution: 'mercy general' }),
      program(),
      'clinical',
      { code: 'external-mentor-only', party: 'mentee', basis: 'institution' },
    ],
    [
      'external only, workplace unknown',
      mentee('c', { hospitalId: 'h1' }, { preferences: { externalMentorOnly: true } }),
      mentor('d'),
      program(),
      'clinical',
      { code: 'external-mentor-only', party: 'mentee', basis: 'unknown' },
    ],
    [
      'training required',
      a,
      mentor('c', { mentorTrainingCompleted: false }),
      program({ requirements: { mentorTrainingCompleted: true } }),
      'clinical',
      { code: 'mentor-training-required' },
    ],
    [
      'mentor taking a break',
      a,
      mentor('c', { takingBreak: true }),
      program(),
      'clinical',
      { code: 'taking-break', party: 'mentor' },
    ],
    [
      'mentee taking a break',
      mentee('c', { takingBreak: true }),
      b,
      program(),
      'clinical',
      { code: 'taking-break', party: 'mentee' },
    ],
    [
      'no capacity left on the profile',
      a,
      mentor('c', { capacityLeft: 0 }),
      program(),
      'clinical',
      { code: 'capacity-exhausted' },
    ],
    [
      'no capacity left in the program',
      a,
      mentor('c', {}, { capacityLeft: 0 }),
      program(),
      'clinical',
      { code: 'capacity-exhausted' },
    ],
    [
      'declined before',
      a,
      b,
      program({ declined: [{ mentee: 'a', mentor: 'b' }] }),
      'clinical',
      { code: 'declined-before' },
    ],
    [
      'excluded by the mentee',
      mentee('c', {}, { preferences: { exclusions: ['b'] } }),
      b,
      program(),
      'clinical',
      { code: 'excluded', party: 'mentee' },
    ],
    [
      'excluded by the mentor',
      a,
      mentor('c', {}, { preferences: { exclusions: ['a'] } }),
      program(),
      'clinical',
      { code: 'excluded', party: 'mentor' },
    ],
  ])('excludes: %s', (_, x, y, p, role, violation) => {
    expect(check(x, y, p, role)).toEqual([violation]);
  });

  it('pairs peers for the peer role, with no mentor training or profile capacity needed', () => {
    const p = program({ requirements: { mentorTrainingCompleted: true } });
    const other = peer('d', { mentorTrainingCompleted: false, capacityLeft: 0 });
    expect(check(peer('c'), other, p, 'peer')).toEqual([]);
    expect(check(mentee('e'), other, p, 'peer')).toEqual([]);
    expect(check(peer('c'), peer('d', {}, { capacityLeft: 0 }), p, 'peer')).toEqual([
      { code: 'capacity-exhausted' },
    ]);
  });

  it('a declined pair is declined only that way round', () => {
    const p = program({ declined: [{ mentee: 'b', mentor: 'a' }] });
    expect(check(a, b, p)).toEqual([]);
  });

  it('accepts a subspecialty for specialty eligibility', () => {
    const p = program({
      eligibility: { mentors: { specialties: ['internal-medicine.cardiovascular-disease'] } },
    });
    expect(
      check(a, mentor('c', { subspecialty: 'internal-medicine.cardiovascular-disease' }), p),
    ).toEqual([]);
  });

  it('lists every violation for "why not", and the fast path stops at the first', () => {
    const x = participant(
      physician('x', {
        takingBreak: true,
        reportingLine: { supervisorIds: [], evaluatorIds: ['y'] },
      }),
      {
        side: 'mentee',
        roles: ['career'],
        topics: [],
        preferences: { exclusions: ['y'] },
      },
    );
    const y = mentor('y', { capacityLeft: 0, mentorTrainingCompleted: false });
    const p = program({
      requirements: { mentorTrainingCompleted: true },
      declined: [{ mentee: 'x', mentor: 'y' }],
    });
    expect(check(x, y, p).map((v) => v.code)).toEqual([
      'role-not-sought',
      'taking-break',
      'mentor-training-required',
      'capacity-exhausted',
      'conflict-of-interest',
      'declined-before',
      'excluded',
    ]);
  });
});
