import { applyErasure, erasureUpdate, KEPT_ON_ERASURE } from './physician-erasure';
import { PhysicianSchema, type Physician } from './schemas/physician.schema';

const full: Physician = {
  _id: 'p1',
  tenantId: 't1',
  status: 'active',
  givenName: 'Ana',
  familyName: 'García',
  email: 'ana@example.org',
  phone: '+15551234567',
  npi: '1234567893',
  npiKey: '1234567893',
  specialty: 'internal-medicine',
  careerStage: { stage: 'senior' },
  location: { city: 'Chicago', country: 'US' },
  timeZone: 'America/Chicago',
  bio: 'Hello',
  goals: ['publish'],
  availability: [{ day: 'mon', start: '08:00', end: '09:00' }],
  version: 2,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe('physician erasure', () => {
  const erasedAt = new Date('2026-01-01T00:00:00Z');

  it('keeps only id, tenant, status, erasedAt and freed unique keys', () => {
    const erased = applyErasure(full, erasedAt);
    expect(erased).toEqual({
      _id: 'p1',
      tenantId: 't1',
      status: 'erased',
      erasedAt,
      email: 'erased:p1',
      npiKey: 'erased:p1',
    });
  });

  it('removes every schema field except the kept ones and the outbox', () => {
    const update = erasureUpdate('p1', erasedAt);
    const schemaFields = Object.keys(PhysicianSchema.paths).filter(
      (path) => !path.startsWith('_outbox') && !path.includes('.'),
    );
    const removedOrKept = [...Object.keys(update.$unset), ...KEPT_ON_ERASURE];
    expect(schemaFields.filter((field) => !removedOrKept.includes(field as never))).toEqual([]);
    expect(
      Object.keys(update.$set).every((field) =>
        (KEPT_ON_ERASURE as readonly string[]).includes(field),
      ),
    ).toBe(true);
  });
});
