import { MatchingInputError } from '../errors';
import {
  EQUAL_WEIGHTS,
  SUMMER,
  WINTER,
  mentee,
  mentor,
  onlyFactor,
  peer,
  program,
} from '../testing/scoring-fixtures';
import type { FactorDetail } from './explanation.types';
import { scorePair } from './score-pair';
import { SCORING_FACTORS } from './scoring.types';
import type { ScoringFactor, ScoringParticipant } from './scoring.types';
import type { MentorshipRole } from '@medmentor/domain';

const errorCode = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof MatchingInputError ? e.code : 'not a MatchingInputError';
  }
  return undefined;
};

/** The score when only `factor` is weighted: its similarity in points. */
const only = (
  factor: ScoringFactor,
  a: ScoringParticipant,
  b: ScoringParticipant,
  role: MentorshipRole = 'clinical',
  at = WINTER,
) => {
  const result = scorePair(
    { mentee: a, mentor: b, role },
    program({ weights: onlyFactor(factor) }),
    { at },
  );
  const explained = result.factors.find((f) => f.factor === factor);
  return { score: result.score, detail: explained?.detail as FactorDetail };
};

describe('scorePair factors', () => {
  it.each([
    [
      'same subspecialty',
      { specialty: 'internal-medicine', subspecialty: 'internal-medicine.cardiovascular-disease' },
      { specialty: 'internal-medicine', subspecialty: 'internal-medicine.cardiovascular-disease' },
      1000,
      'same-subspecialty',
    ],
    [
      'a subspecialty shared across boards',
      { specialty: 'neurology', subspecialty: 'internal-medicine.sleep-medicine' },
      { specialty: 'internal-medicine', subspecialty: 'internal-medicine.sleep-medicine' },
      1000,
      'same-subspecialty',
    ],
    [
      'same specialty',
      { specialty: 'internal-medicine', subspecialty: 'internal-medicine.cardiovascular-disease' },
      { specialty: 'internal-medicine' },
      800,
      'same-specialty',
    ],
    [
      'related (same board)',
      { specialty: 'neurology' },
      { specialty: 'psychiatry' },
      500,
      'related',
    ],
    [
      'related (parent of the subspecialty)',
      { specialty: 'pediatrics' },
      { specialty: 'internal-medicine', subspecialty: 'internal-medicine.cardiovascular-disease' },
      0,
      'different',
    ],
    ['different', { specialty: 'dermatology' }, { specialty: 'psychiatry' }, 0, 'different'],
  ] as const)('specialty: %s', (_, a, b, score, kind) => {
    const r = only('specialty', mentee('a', a), mentor('b', b));
    expect(r.score).toBe(score);
    expect(r.detail).toMatchObject({ factor: 'specialty', kind });
  });

  it('specialty: a subspecialty relates to its parent and siblings', () => {
    const a = mentee('a', {
      specialty: 'pediatrics',
      subspecialty: 'pediatrics.pediatric-cardiology',
    });
    const sibling = mentor('b', {
      specialty: 'family-medicine',
      subspecialty: 'pediatrics.neonatal-perinatal-medicine',
    });
    expect(only('specialty', a, sibling).detail).toEqual({
      factor: 'specialty',
      kind: 'related',
      mentor: 'pediatrics.neonatal-perinatal-medicine',
    });
  });

  it('specialty: a preferred specialty scores as a full match', () => {
    const a = mentee(
      'a',
      { specialty: 'internal-medicine' },
      { preferences: { preferred: { specialties: ['dermatology'] } } },
    );
    expect(only('specialty', a, mentor('b', { specialty: 'dermatology' })).score).toBe(1000);
    expect(only('specialty', a, mentor('c', { specialty: 'internal-medicine' })).score).toBe(800);
  });

  it.each([
    ['clinical', { stage: 'resident', pgy: 2 }, { stage: 'mid-career' }, 1000, 8],
    ['career', { stage: 'fellow' }, { stage: 'early-career' }, 500, 1],
    ['clinical', { stage: 'fellow' }, { stage: 'fellow' }, 0, 0],
    ['wellness', { stage: 'fellow' }, { stage: 'fellow' }, 1000, 0],
    ['wellness', { stage: 'senior' }, { stage: 'fellow' }, 0, -3],
    ['peer', { stage: 'resident', pgy: 3 }, { stage: 'resident', pgy: 3 }, 1000, 0],
    ['peer', { stage: 'resident', pgy: 3 }, { stage: 'resident', pgy: 1 }, 500, -2],
    ['peer', { stage: 'resident', pgy: 1 }, { stage: 'fellow' }, 0, 7],
  ] as const)('career stage for %s: %j and %j score %d', (role, a, b, score, gap) => {
    const r = only(
      'careerStage',
      mentee('a', { careerStage: a }),
      peer('b', { careerStage: b }),
      role,
    );
    expect(r.score).toBe(score);
    expect(r.detail).toEqual({ factor: 'careerStage', gap, role });
  });

  it('interests: Sørensen–Dice overlap, each code once', () => {
    const a = mentee('a', { interests: ['research', 'education', 'research'] });
    const b = mentor('b', { interests: ['research'] });
    const r = only('interests', a, b);
    expect(r.score).toBe(667);
    expect(r.detail).toEqual({ factor: 'interests', shared: ['research'] });
    expect(only('interests', mentee('c'), b).score).toBe(0);
  });

  it('goals: the share of the mentee goals among the mentor strengths', () => {
    const a = mentee('a', {}, { topics: ['job-search', 'contract-negotiation'] });
    const b = mentor('b', {}, { topics: ['teaching', 'job-search', 'publishing'] });
    const r = only('goals', a, b);
    expect(r.score).toBe(500);
    expect(r.detail).toEqual({ factor: 'goals', covered: ['job-search'], goals: 2 });
  });

  it('practice setting: mean over axes known on both sides, the middle value half-way', () => {
    const a = mentee('a', {
      practiceSetting: { model: 'academic', geography: 'urban', care: 'inpatient' },
    });
    const b = mentor('b', { practiceSetting: { model: 'hybrid', geography: 'urban' } });
    const r = only('practiceSetting', a, b);
    expect(r.score).toBe(750);
    expect(r.detail).toEqual({
      factor: 'practiceSetting',
      axes: [
        { axis: 'model', similarity: 0.5, preferred: false },
        { axis: 'geography', similarity: 1, preferred: false },
      ],
    });
    expect(
      only('practiceSetting', a, mentor('c', { practiceSetting: { model: 'community' } })).score,
    ).toBe(0);
    expect(only('practiceSetting', mentee('d'), b).score).toBe(0);
  });

  it('practice setting: a preferred value replaces the mentee own on its axis', () => {
    const a = mentee(
      'a',
      { practiceSetting: { model: 'academic' } },
      { preferences: { preferred: { practiceSetting: { model: 'community' } } } },
    );
    const r = only('practiceSetting', a, mentor('b', { practiceSetting: { model: 'community' } }));
    expect(r.score).toBe(1000);
    expect(r.detail).toMatchObject({ axes: [{ axis: 'model', preferred: true }] });
  });

  it('geography: place and time-zone distance at the reference instant', () => {
    const ny = mentee('a', { country: 'US', region: 'NY', timeZone: 'America/New_York' });
    expect(
      only(
        'geography',
        ny,
        mentor('b', { country: 'US', region: 'NY', timeZone: 'America/New_York' }),
      ).score,
    ).toBe(1000);
    const la = mentor('c', { country: 'US', region: 'CA', timeZone: 'America/Los_Angeles' });
    const r = only('geography', ny, la);
    expect(r.score).toBe(550); // 0.5 × 0.6 (same country) + 0.5 × (1 - 3h / 6h)
    expect(r.detail).toEqual({
      factor: 'geography',
      place: 'same-country',
      offsetDifferenceMinutes: 180,
      sameTimeZoneBand: false,
    });
    // Phoenix keeps UTC-7: 2 hours from New York in winter, 3 in summer.
    const phoenix = mentor('d', { timeZone: 'America/Phoenix' });
    expect(only('geography', ny, phoenix, 'clinical', WINTER).score).toBe(333);
    expect(only('geography', ny, phoenix, 'clinical', SUMMER).score).toBe(250);
  });

  it('geography: the same time-zone band, when preferred, is full within an hour and halved beyond', () => {
    const a = mentee(
      'a',
      { timeZone: 'America/New_York' },
      { preferences: { preferred: { sameTimeZoneBand: true } } },
    );
    expect(only('geography', a, mentor('b', { timeZone: 'America/Chicago' })).score).toBe(500);
    expect(only('geography', a, mentor('c', { timeZone: 'America/Denver' })).score).toBe(167);
  });

  it('language: any shared language, or a preferred one', () => {
    const a = mentee('a', { languages: ['en', 'es'] });
    expect(only('language', a, mentor('b', { languages: ['es'] })).score).toBe(1000);
    expect(only('language', a, mentor('c', { languages: ['fr'] })).score).toBe(0);
    const wantsSpanish = mentee(
      'd',
      { languages: ['en', 'es'] },
      { preferences: { preferred: { languages: ['es'] } } },
    );
    expect(only('language', wantsSpanish, mentor('e', { languages: ['es'] })).score).toBe(1000);
    const r = only('language', wantsSpanish, mentor('f', { languages: ['en'] }));
    expect(r.score).toBe(500);
    expect(r.detail).toEqual({ factor: 'language', shared: ['en'], preferred: [] });
  });

  it('availability: weekly overlap in UTC at the reference instant, full from one hour', () => {
    // Phoenix stays at UTC-7; London is UTC+0 in winter, UTC+1 in summer.
    const phoenix = mentee('a', {
      timeZone: 'America/Phoenix',
      availability: [{ day: 'mon', start: '16:00', end: '17:00' }],
    });
    const london = mentor('b', {
      timeZone: 'Europe/London',
      availability: [{ day: 'mon', start: '23:00', end: '24:00' }],
    });
    expect(only('availability', phoenix, london, 'clinical', WINTER).score).toBe(1000);
    expect(only('availability', phoenix, london, 'clinical', SUMMER).score).toBe(0);
    const half = mentor('c', {
      timeZone: 'UTC',
      availability: [{ day: 'mon', start: '23:30', end: '23:59' }],
    });
    const r = only('availability', phoenix, half);
    expect(r.score).toBe(250); // 23:30-23:45 is the only whole slot
    expect(r.detail).toEqual({ factor: 'availability', overlapMinutes: 15 });
  });

  it('availability: windows wrap past midnight and around the week', () => {
    // Tokyo (UTC+9) Monday 08:00 is Sunday 23:00 UTC.
    const tokyo = mentee('a', {
      timeZone: 'Asia/Tokyo',
      availability: [{ day: 'mon', start: '08:00', end: '09:00' }],
    });
    const utc = mentor('b', {
      timeZone: 'UTC',
      availability: [{ day: 'sun', start: '22:30', end: '00:30' }],
    });
    expect(only('availability', tokyo, utc).detail).toEqual({
      factor: 'availability',
      overlapMinutes: 60,
    });
  });
});

describe('scorePair', () => {
  const a = mentee(
    'a',
    {
      specialty: 'neurology',
      interests: ['research', 'education'],
      languages: ['en'],
      country: 'US',
      timeZone: 'America/New_York',
      availability: [{ day: 'tue', start: '19:00', end: '21:00' }],
    },
    { topics: ['job-search', 'research-career', 'publishing'] },
  );
  const b = mentor(
    'b',
    {
      specialty: 'psychiatry',
      interests: ['research'],
      languages: ['en', 'fr'],
      country: 'US',
      timeZone: 'America/Chicago',
      availability: [{ day: 'tue', start: '18:30', end: '19:00' }],
    },
    { topics: ['research-career'] },
  );

  it('explains every factor; contributions sum to the score; weights are shares', () => {
    const result = scorePair(
      { mentee: a, mentor: b, role: 'career' },
      program({ weights: { ...EQUAL_WEIGHTS, goals: 0.5, availability: 0 } }),
      { at: WINTER },
    );
    expect(result.factors.map((f) => f.factor)).toEqual(SCORING_FACTORS);
    expect(result.factors.reduce((s, f) => s + f.contribution, 0)).toBe(result.score);
    expect(result.factors.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(1, 12);
    expect(result.factors.map((f) => f.similarity)).toEqual([
      0.5,
      1,
      2 / 3,
      1 / 3,
      0,
      0.5 * 0.6 + 0.5 * (1 - 60 / 360),
      1,
      0.5, // Chicago 18:30-19:00 is New York 19:30-20:00: 30 minutes
    ]);
    // (0.5 + 1 + 2/3 + 0.5 × 1/3 + 0 + 0.7167 + 1 + 0 × 0.5) / 6.5 × 1000 = 623.08
    expect(result.score).toBe(623);
    expect(result).toMatchObject({ mentee: 'a', mentor: 'b', role: 'career' });
  });

  it('refuses weights outside 0..1 or all zero', () => {
    const bad = (weights: typeof EQUAL_WEIGHTS) => () =>
      scorePair({ mentee: a, mentor: b, role: 'career' }, program({ weights }), { at: WINTER });
    expect(bad({ ...EQUAL_WEIGHTS, language: 2 })).toThrow(MatchingInputError);
    expect(bad({ ...EQUAL_WEIGHTS, language: Number.NaN })).toThrow('weight of language');
    expect(
      bad(
        Object.fromEntries(Object.keys(EQUAL_WEIGHTS).map((f) => [f, 0])) as typeof EQUAL_WEIGHTS,
      ),
    ).toThrow('at least one weight');
  });

  it('refuses unknown time zones and malformed availability with stable codes', () => {
    const at = { at: WINTER };
    const zone = mentor('z', { timeZone: 'Mars/Olympus' });
    expect(
      errorCode(() => scorePair({ mentee: a, mentor: zone, role: 'career' }, program(), at)),
    ).toBe('invalid-time-zone');
    for (const window of [
      { day: 'tue', start: '25:00', end: '26:00' },
      { day: 'tue', start: '9:00', end: '10:00' },
      { day: 'xyz', start: '09:00', end: '10:00' },
    ]) {
      const bad = mentor('w', { availability: [window as never] });
      expect(
        errorCode(() => scorePair({ mentee: a, mentor: bad, role: 'career' }, program(), at)),
      ).toBe('invalid-availability');
    }
  });
});
