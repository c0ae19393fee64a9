import { FhirBundleError, mapPractitionerBundle, US_NPI_SYSTEM } from './map-practitioner-bundle';
import { NUCC_SYSTEM } from './nucc-to-abms';

const options = {
  defaultTimeZone: 'America/New_York',
  defaultCareerStage: { stage: 'early-career' as const },
};

const practitioner = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Practitioner',
  id,
  identifier: [{ system: US_NPI_SYSTEM, value: '1234567893' }],
  name: [{ use: 'official', family: 'Okafor', given: ['Chinwe', 'A.'] }],
  telecom: [
    { system: 'email', value: `${id}@hospital.example.org` },
    { system: 'phone', value: '+15551234567' },
  ],
  address: [{ city: 'Boston', state: 'MA', country: 'us' }],
  communication: [
    { coding: [{ system: 'urn:ietf:bcp:47', code: 'en-US' }] },
    { coding: [{ code: 'fr' }] },
  ],
  ...extra,
});

const role = (practitionerId: string, nucc: string[]) => ({
  resourceType: 'PractitionerRole',
  practitioner: { reference: `Practitioner/${practitionerId}` },
  organization: { display: 'Mercy General Hospital' },
  location: [{ display: 'Cardiology' }],
  specialty: [{ coding: nucc.map((code) => ({ system: NUCC_SYSTEM, code })) }],
});

const bundle = (...resources: object[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});

describe('mapPractitionerBundle', () => {
  it('maps a practitioner and its role to a profile', () => {
    const [row] = mapPractitionerBundle(
      bundle(practitioner('p1'), role('p1', ['207R00000X', '207RC0000X'])),
      options,
    );
    expect(row).toMatchObject({
      ok: true,
      line: 0,
      input: {
        givenName: 'Chinwe A.',
        familyName: 'Okafor',
        email: 'p1@hospital.example.org',
        phone: '+15551234567',
        npi: '1234567893',
        specialty: 'internal-medicine',
        subspecialty: 'internal-medicine.cardiovascular-disease',
        careerStage: { stage: 'early-career' },
        institution: 'Mercy General Hospital',
        department: 'Cardiology',
        location: { city: 'Boston', region: 'MA', country: 'US' },
        timeZone: 'America/New_York',
        languages: ['en', 'fr'],
      },
    });
  });

  it('rejects a practitioner whose specialty code has no mapping, naming it', () => {
    const [row] = mapPractitionerBundle(
      bundle(practitioner('p2'), role('p2', ['2080P0216X'])),
      options,
    );
    expect(row.ok).toBe(false);
    expect(!row.ok && row.problems).toEqual([expect.objectContaining({ field: 'specialty' })]);
  });

  it('rejects a practitioner without a role or email, and leaves inactive ones out', () => {
    const rows = mapPractitionerBundle(
      bundle(
        practitioner('p3', { telecom: [] }),
        practitioner('p4', { active: false }),
        role('p4', ['207Q00000X']),
      ),
      options,
    );
    expect(rows).toHaveLength(1);
    expect(!rows[0].ok && rows[0].problems.map((p) => p.field).sort()).toEqual([
      'email',
      'specialty',
    ]);
  });

  it('refuses what is not a Bundle', () => {
    expect(() => mapPractitionerBundle({ resourceType: 'Patient' }, options)).toThrow(
      FhirBundleError,
    );
    expect(() => mapPractitionerBundle('nope', options)).toThrow(/not a FHIR Bundle/);
  });
});
