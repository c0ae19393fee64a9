import type { Principal } from '@medmentor/auth';
import { audienceOf, projectPhysician } from './physician-privacy';
import type { Physician } from './schemas/physician.schema';

const doc = (privacy: Physician['privacy']): Physician => ({
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
  careerStage: { stage: 'resident', pgy: 2 },
  institution: 'Lakeside',
  location: { city: 'Chicago', country: 'US' },
  timeZone: 'America/Chicago',
  languages: ['en', 'es'],
  interests: ['research'],
  goals: ['publish'],
  bio: 'Hello',
  availability: [{ day: 'tue', start: '18:00', end: '20:00' }],
  mentoringCapacity: 2,
  takingBreak: false,
  reportingLine: { supervisorIds: [], evaluatorIds: [] },
  privacy,
  version: 3,
  createdBy: 'admin',
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

const principal = (roles: Principal['roles'], physicianId?: string): Principal => ({
  subject: 's',
  roles,
  tenantId: 't1',
  tenantSource: 'token',
  ...(physicianId !== undefined && { physicianId }),
});

describe('physician privacy', () => {
  it('tells the physician, admins and other physicians apart (self wins over a role)', () => {
    expect(audienceOf(principal(['org-admin'], 'p1'), 'p1')).toBe('self');
    expect(audienceOf(principal(['mentee'], 'p1'), 'p1')).toBe('self');
    expect(audienceOf(principal(['program-admin']), 'p1')).toBe('admin');
    expect(audienceOf(principal(['mentor'], 'p2'), 'p1')).toBe('match');
  });

  it('shows the physician everything but the internal keys', () => {
    const view = projectPhysician(doc({ visibleToMatches: [], visibleToAdmins: [] }), 'self');
    expect(view).toMatchObject({
      id: 'p1',
      view: 'self',
      email: 'ana@example.org',
      npi: '1234567893',
      bio: 'Hello',
      version: 3,
    });
    expect(view).not.toHaveProperty('npiKey');
    expect(view).not.toHaveProperty('tenantId');
    expect(view).not.toHaveProperty('createdBy');
    expect(view).not.toHaveProperty('_id');
  });

  it('shows admins only the private fields the physician allows, and always name, specialty, stage and status', () => {
    const view = projectPhysician(
      doc({ visibleToMatches: [], visibleToAdmins: ['email'] }),
      'admin',
    );
    expect(view).toMatchObject({
      id: 'p1',
      view: 'admin',
      givenName: 'Ana',
      specialty: 'internal-medicine',
      status: 'active',
      email: 'ana@example.org',
      version: 3,
    });
    for (const hidden of ['phone', 'npi', 'location', 'bio', 'goals', 'availability'])
      expect(view).not.toHaveProperty(hidden);
  });

  it('shows another physician the public card plus what the physician allows matches to see', () => {
    const view = projectPhysician(
      doc({ visibleToMatches: ['bio', 'location'], visibleToAdmins: [] }),
      'match',
    );
    expect(Object.keys(view).sort()).toEqual(
      [
        'bio',
        'careerStage',
        'familyName',
        'givenName',
        'id',
        'institution',
        'interests',
        'languages',
        'location',
        'specialty',
        'status',
        'view',
      ].sort(),
    );
    const none = projectPhysician(doc({ visibleToMatches: [], visibleToAdmins: [] }), 'match');
    expect(none).not.toHaveProperty('email');
    expect(none).not.toHaveProperty('version');
    expect(none).not.toHaveProperty('mentoringCapacity');
  });
});
