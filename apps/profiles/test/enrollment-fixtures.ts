// Tenants, physicians and programs for the enrollment suites, made over HTTP like a client would.
import { npiCheckDigit } from '@medmentor/domain';
import { uniqueName } from '@medmentor/testing';
import type { ProfilesTestApp } from './profiles-test-app';

const DAY = 24 * 60 * 60 * 1000;

let npiCounter = Math.floor(Math.random() * 1e7);
/** A fresh NPI that passes the Luhn check over the 80840 prefix. */
export const newNpi = (): string => {
  npiCounter += 1;
  const first9 = `2${String(npiCounter % 1e8).padStart(8, '0')}`;
  return `${first9}${npiCheckDigit(first9)}`;
};

export const registerTenant = async (it$: ProfilesTestApp): Promise<string> => {
  const id = uniqueName('society');
  const reply = await it$.call('POST', '/api/v1/tenants', {
    token: await it$.token(undefined, ['platform-admin']),
    body: { id, name: 'Society', slug: uniqueName('soc'), kind: 'specialty-society' },
  });
  if (reply.status !== 201)
    throw new Error(`tenant: ${reply.status} ${JSON.stringify(reply.body)}`);
  return id;
};

export const resident = (overrides: Record<string, unknown> = {}) => ({
  givenName: 'Ana',
  familyName: 'García',
  email: `${uniqueName('ana')}@example.org`,
  npi: newNpi(),
  specialty: 'internal-medicine',
  careerStage: { stage: 'resident', pgy: 3 },
  location: { city: 'Chicago', region: 'IL', country: 'US' },
  timeZone: 'America/Chicago',
  interests: ['research'],
  ...overrides,
});

export const attending = (overrides: Record<string, unknown> = {}) => ({
  givenName: 'Ben',
  familyName: 'Okafor',
  email: `${uniqueName('ben')}@example.org`,
  npi: newNpi(),
  specialty: 'internal-medicine',
  subspecialty: 'internal-medicine.cardiovascular-disease',
  careerStage: { stage: 'mid-career', yearsInPractice: 12 },
  location: { city: 'Boston', region: 'MA', country: 'US' },
  timeZone: 'America/New_York',
  interests: ['leadership'],
  mentoringCapacity: 3,
  mentorTraining: { completed: true, completedAt: '2026-01-10' },
  ...overrides,
});

/** Registers a physician with an admin token; returns the id. */
export const registerPhysician = async (
  it$: ProfilesTestApp,
  adminToken: string,
  body: Record<string, unknown>,
): Promise<string> => {
  const reply = await it$.call<{ id: string }>('POST', '/api/v1/physicians', {
    token: adminToken,
    body,
  });
  if (reply.status !== 201)
    throw new Error(`physician: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id;
};

/** Cycle dates around `now`: enrollment open for 10 days, lists due in 20, match in 30. */
export const openCycle = (now = Date.now(), ranked = true) => ({
  enrollmentOpensAt: new Date(now - DAY).toISOString(),
  enrollmentClosesAt: new Date(now + 10 * DAY).toISOString(),
  ...(ranked && { rankListsDueAt: new Date(now + 20 * DAY).toISOString() }),
  matchDate: new Date(now + 30 * DAY).toISOString(),
});

export const nationalProgram = (overrides: Record<string, unknown> = {}) => ({
  name: 'National career match',
  objectives: ['job-search'],
  kind: 'national',
  matchingMode: 'national-ranked',
  cycle: openCycle(),
  rolesOffered: [
    { role: 'career', perMentee: 1 },
    { role: 'clinical', perMentee: 1 },
    { role: 'peer', perMentee: 1 },
  ],
  eligibility: {
    mentees: { careerStages: ['resident', 'fellow'], specialties: ['internal-medicine'] },
    mentors: { careerStages: ['mid-career', 'senior'], specialties: [] },
  },
  requirements: { mentorTrainingCompleted: true },
  ...overrides,
});

export const cohortProgram = (overrides: Record<string, unknown> = {}) =>
  nationalProgram({
    name: 'Hospital cohort',
    kind: 'institutional',
    matchingMode: 'cohort',
    cycle: openCycle(Date.now(), false),
    ...overrides,
  });

/** Creates and publishes a program; returns its id. */
export const publishProgram = async (
  it$: ProfilesTestApp,
  adminToken: string,
  body: Record<string, unknown>,
): Promise<{ id: string; cycle: Record<string, string> }> => {
  const created = await it$.call<{ id: string }>('POST', '/api/v1/programs', {
    token: adminToken,
    body,
  });
  if (created.status !== 201)
    throw new Error(`program: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await it$.call<{ id: string; cycle: Record<string, string> }>(
    'POST',
    `/api/v1/programs/${created.body.id}/publish`,
    { token: adminToken },
  );
  if (published.status !== 200)
    throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
};
