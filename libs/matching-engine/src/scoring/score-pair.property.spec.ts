import fc from 'fast-check';
import { ROLES, populationArb } from '../testing/scoring-arbitrary';
import { isPairAllowed, pairViolations } from './pair-constraints';
import type { ConstraintCode } from './pair-constraints';
import { scorePair } from './score-pair';
import { MAX_SCORE } from './score-points';
import { SCORING_FACTORS } from './scoring.types';
import type {
  PairQuery,
  ScoringParticipant,
  ScoringProgram,
  ScoringWeights,
} from './scoring.types';

type Pair = { q: PairQuery; program: ScoringProgram };
const withPhysician = (p: ScoringParticipant, over: Partial<ScoringParticipant['physician']>) => ({
  ...p,
  physician: { ...p.physician, ...over },
});
const withEnrollment = (
  p: ScoringParticipant,
  over: Partial<ScoringParticipant['enrollment']>,
) => ({ ...p, enrollment: { ...p.enrollment, ...over } });

/** Each hard constraint, and a change to any pair that must trigger it. */
const BREAKERS: [ConstraintCode, (x: Pair) => Pair][] = [
  [
    'same-person',
    ({ q, program }) => ({
      q: { ...q, mentor: withPhysician(q.mentor, { id: q.mentee.physician.id }) },
      program,
    }),
  ],
  [
    'role-not-offered',
    ({ q, program }) => ({
      q,
      program: { ...program, rolesOffered: program.rolesOffered.filter((r) => r !== q.role) },
    }),
  ],
  [
    'wrong-side',
    ({ q, program }) => ({
      q: { ...q, mentee: withEnrollment(q.mentee, { side: 'mentor' }) },
      program,
    }),
  ],
  [
    'role-not-sought',
    ({ q, program }) => ({ q: { ...q, mentee: withEnrollment(q.mentee, { roles: [] }) }, program }),
  ],
  [
    'role-not-provided',
    ({ q, program }) => ({ q: { ...q, mentor: withEnrollment(q.mentor, { roles: [] }) }, program }),
  ],
  [
    'ineligible-stage',
    ({ q, program }) => ({
      q,
      program: {
        ...program,
        eligibility: {
          ...program.eligibility,
          mentees: {
            careerStages:
              q.mentee.physician.careerStage.stage === 'senior' ? ['student'] : ['senior'],
          },
        },
      },
    }),
  ],
  [
    'ineligible-specialty',
    ({ q, program }) => ({
      q,
      program: { ...program, eligibility: { mentees: { specialties: ['no-such-specialty'] } } },
    }),
  ],
  [
    'conflict-of-interest',
    ({ q, program }) => ({
      q: {
        ...q,
        mentee: withPhysician(q.mentee, {
          reportingLine: { supervisorIds: [], evaluatorIds: [q.mentor.physician.id] },
        }),
      },
      program,
    }),
  ],
  [
    'external-mentor-only',
    ({ q, program }) => ({
      q: {
        ...q,
        mentee: withEnrollment(withPhysician(q.mentee, { hospitalId: 'hx' }), {
          preferences: { externalMentorOnly: true },
        }),
        mentor: withPhysician(q.mentor, { hospitalId: 'hx' }),
      },
      program,
    }),
  ],
  [
    'mentor-training-required',
    ({ q, program }) => ({
      q: {
        ...q,
        mentor: withEnrollment(withPhysician(q.mentor, { mentorTrainingCompleted: false }), {
          side: 'mentor',
        }),
      },
      program: { ...program, requirements: { mentorTrainingCompleted: true } },
    }),
  ],
  [
    'taking-break',
    ({ q, program }) => ({
      q: { ...q, mentor: withPhysician(q.mentor, { takingBreak: true }) },
      program,
    }),
  ],
  [
    'capacity-exhausted',
    ({ q, program }) => ({
      q: { ...q, mentor: withEnrollment(q.mentor, { capacityLeft: 0 }) },
      program,
    }),
  ],
  [
    'declined-before',
    ({ q, program }) => ({
      q,
      program: {
        ...program,
        declined: [{ mentee: q.mentee.physician.id, mentor: q.mentor.physician.id }],
      },
    }),
  ],
  [
    'excluded',
    ({ q, program }) => ({
      q: {
        ...q,
        mentor: withEnrollment(q.mentor, { preferences: { exclusions: [q.mentee.physician.id] } }),
      },
      program,
    }),
  ],
];

const runs = { numRuns: 200 };

describe('scorePair properties', () => {
  it('scores integers in 0..MAX_SCORE whose contributions sum to the score', () => {
    fc.assert(
      fc.property(
        populationArb(2, 2),
        fc.constantFrom(...ROLES),
        ({ people: [a, b], program, at }, role) => {
          const r = scorePair({ mentee: a, mentor: b, role }, program, { at });
          expect(Number.isInteger(r.score) && r.score >= 0 && r.score <= MAX_SCORE).toBe(true);
          expect(r.factors.reduce((s, f) => s + f.contribution, 0)).toBe(r.score);
          for (const f of r.factors) {
            expect(f.similarity >= 0 && f.similarity <= 1).toBe(true);
            expect(Number.isInteger(f.contribution) && f.contribution >= 0).toBe(true);
            // A contribution is its exact share rounded up or down.
            expect(Math.abs(f.contribution - MAX_SCORE * f.weight * f.similarity)).toBeLessThan(
              1 + 1e-9,
            );
          }
        },
      ),
      runs,
    );
  });

  it('depends only on relative weights', () => {
    fc.assert(
      fc.property(
        populationArb(2, 2),
        fc.constantFrom(...ROLES),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        ({ people: [a, b], program, at }, role, c) => {
          const scaled = Object.fromEntries(
            SCORING_FACTORS.map((f) => [f, program.weights[f] * c]),
          ) as ScoringWeights;
          const pair = { mentee: a, mentor: b, role };
          expect(scorePair(pair, { ...program, weights: scaled }, { at }).score).toBe(
            scorePair(pair, program, { at }).score,
          );
        },
      ),
      runs,
    );
  });

  it('is deterministic and ignores the order and repetition of list attributes', () => {
    fc.assert(
      fc.property(
        populationArb(2, 2),
        fc.constantFrom(...ROLES),
        ({ people: [a, b], program, at }, role) => {
          const first = JSON.stringify(scorePair({ mentee: a, mentor: b, role }, program, { at }));
          const reversed = {
            physician: {
              ...b.physician,
              interests: [...b.physician.interests].reverse(),
              languages: [...b.physician.languages, ...b.physician.languages].reverse(),
              availability: [...b.physician.availability].reverse(),
            },
            enrollment: { ...b.enrollment, topics: [...b.enrollment.topics].reverse() },
          };
          expect(
            JSON.stringify(scorePair({ mentee: a, mentor: reversed, role }, program, { at })),
          ).toBe(first);
        },
      ),
      runs,
    );
  });

  it('every hard constraint excludes the pair it applies to', () => {
    fc.assert(
      fc.property(
        populationArb(2, 2),
        fc.constantFrom(...ROLES),
        fc.constantFrom(...BREAKERS),
        ({ people: [a, b], program }, role, [code, breaker]) => {
          const broken = breaker({ q: { mentee: a, mentor: b, role }, program });
          expect(pairViolations(broken.q, broken.program).map((v) => v.code)).toContain(code);
          expect(isPairAllowed(broken.q, broken.program)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the fast check agrees with the full list of violations', () => {
    fc.assert(
      fc.property(
        populationArb(2, 2),
        fc.constantFrom(...ROLES),
        ({ people: [a, b], program }, role) => {
          const pair = { mentee: a, mentor: b, role };
          expect(isPairAllowed(pair, program)).toBe(pairViolations(pair, program).length === 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
