import { physicianInputSchema } from './physician-input.schema';

const valid = {
  givenName: 'Ana',
  familyName: 'García',
  email: 'Ana.Garcia@Example.org',
  npi: '1234567893',
  specialty: 'internal-medicine',
  careerStage: { stage: 'resident', pgy: 2 },
  timeZone: 'America/Chicago',
};

const fieldsOf = (input: unknown) => {
  const result = physicianInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('physicianInputSchema', () => {
  it('accepts a minimal profile and fills the defaults', () => {
    const parsed = physicianInputSchema.parse(valid);
    expect(parsed.email).toBe('ana.garcia@example.org');
    expect(parsed.languages).toEqual(['en']);
    expect(parsed.mentorTraining).toEqual({ completed: false });
    expect(parsed.privacy.visibleToMatches).toEqual(['bio', 'goals', 'location']);
  });

  it('requires an NPI past medical school but not for students', () => {
    const { npi: _npi, ...withoutNpi } = valid;
    expect(fieldsOf(withoutNpi)).toEqual(['npi']);
    expect(fieldsOf({ ...withoutNpi, careerStage: { stage: 'student' } })).toEqual([]);
  });

  it.each([
    ['npi', { npi: '1234567890' }],
    ['specialty', { specialty: 'wizardry' }],
    ['timeZone', { timeZone: 'EST' }],
    ['careerStage.pgy', { careerStage: { stage: 'resident', pgy: 9 } }],
    ['phone', { phone: '555-1234' }],
    ['email', { email: 'not-an-email' }],
  ])('names the bad field %s', (field, change) => {
    expect(fieldsOf({ ...valid, ...change })).toEqual([field]);
  });

  it('rejects unknown keys and operator-looking keys', () => {
    expect(fieldsOf({ ...valid, role: 'admin' })).toEqual(['']);
  });

  it('rejects overlapping availability on one day, and a window that ends before it starts', () => {
    const availability = [
      { day: 'tue', start: '18:00', end: '20:00' },
      { day: 'tue', start: '19:30', end: '21:00' },
    ];
    expect(fieldsOf({ ...valid, availability })).toEqual(['availability.1']);
    expect(fieldsOf({ ...valid, availability: [{ day: 'mon', start: '10:00', end: '09:00' }] })).toEqual([
      'availability.0.end',
    ]);
  });
});
