import { Topics, decodeEvent } from '@medmentor/contracts';
import { npiCheckDigit } from '@medmentor/domain';
import { KafkaReader, uniqueName, waitFor } from '@medmentor/testing';
import { api, Stack } from './stack';

const DAY = 24 * 60 * 60 * 1000;
let npiCounter = Math.floor(Math.random() * 1e7);
const newNpi = (): string => {
  npiCounter += 1;
  const first9 = `3${String(npiCounter % 1e8).padStart(8, '0')}`;
  return `${first9}${npiCheckDigit(first9)}`;
};

describe('enrollments and rank lists over HTTP on the profiles process', () => {
  const stack = new Stack();
  let reader: KafkaReader;
  let url: string;

  beforeAll(async () => {
    await stack.start(['profiles']);
    reader = await new KafkaReader().start([Topics.ProfilesEnrollment]);
    url = `${stack.services.profiles.url}/api/v1`;
  }, 180_000);

  afterAll(async () => {
    await reader?.stop();
    await stack.kill();
  });

  const registerTenant = async (): Promise<string> => {
    const id = uniqueName('society');
    const reply = await api(`${url}/tenants`, {
      method: 'POST',
      token: await stack.platformAdminToken(),
      body: { id, name: 'Society', slug: uniqueName('soc'), kind: 'specialty-society' },
    });
    expect(reply.status).toBe(201);
    return id;
  };

  const physician = async (admin: string, body: Record<string, unknown>): Promise<string> => {
    const reply = await api(`${url}/physicians`, {
      method: 'POST',
      token: admin,
      body: {
        givenName: 'Dana',
        familyName: 'Lee',
        email: `${uniqueName('dana')}@example.org`,
        npi: newNpi(),
        specialty: 'internal-medicine',
        timeZone: 'America/Denver',
        ...body,
      },
    });
    expect(reply.status).toBe(201);
    return reply.body.id as string;
  };

  it('enrolls, ranks, reads back and withdraws, with events on Kafka and tenants kept apart', async () => {
    const tenant = await registerTenant();
    const admin = await stack.token(tenant, ['program-admin']);
    const now = Date.now();
    const created = await api(`${url}/programs`, {
      method: 'POST',
      token: admin,
      body: {
        name: 'Society match',
        objectives: ['leadership'],
        kind: 'national',
        matchingMode: 'national-ranked',
        rolesOffered: [{ role: 'career', perMentee: 1 }],
        cycle: {
          enrollmentOpensAt: new Date(now - DAY).toISOString(),
          enrollmentClosesAt: new Date(now + 5 * DAY).toISOString(),
          rankListsDueAt: new Date(now + 10 * DAY).toISOString(),
          matchDate: new Date(now + 15 * DAY).toISOString(),
        },
      },
    });
    expect(created.status).toBe(201);
    const programId = created.body.id as string;
    expect((await api(`${url}/programs/${programId}/publish`, { method: 'POST', token: admin })).status).toBe(200);

    const menteeId = await physician(admin, { careerStage: { stage: 'fellow' } });
    const mentorId = await physician(admin, {
      careerStage: { stage: 'senior' },
      mentoringCapacity: 2,
    });
    const menteeToken = await stack.physicianToken(tenant, menteeId);

    const mentee = await api(`${url}/enrollments`, {
      method: 'POST',
      token: menteeToken,
      body: { programId, side: 'mentee', roles: ['career'], topics: ['leadership-development'] },
    });
    expect(mentee.status).toBe(201);
    const mentor = await api(`${url}/enrollments`, {
      method: 'POST',
      token: admin,
      body: { programId, physicianId: mentorId, side: 'mentor', roles: ['career'] },
    });
    expect(mentor).toMatchObject({ status: 201, body: { capacity: 2 } });
    const menteeEnrollment = mentee.body.id as string;

    const ranked = await api(`${url}/enrollments/${menteeEnrollment}/rank-list`, {
      method: 'PUT',
      token: menteeToken,
      body: { version: 1, ranks: [mentor.body.id] },
    });
    expect(ranked).toMatchObject({ status: 200, body: { version: 2, rankList: { ranks: [mentor.body.id] } } });

    const mine = await api(`${url}/enrollments`, { token: menteeToken });
    expect((mine.body.items as { id: string }[]).map((item) => item.id)).toEqual([menteeEnrollment]);

    const mistake = await api(`${url}/enrollments`, {
      method: 'POST',
      token: menteeToken,
      body: { programId, side: 'mentee', roles: ['career'] },
    });
    expect(mistake).toMatchObject({ status: 409, body: { code: 'already-enrolled' } });
    expect(mistake.contentType).toMatch(/application\/problem\+json/);

    const otherTenant = await stack.token(await registerTenant(), ['org-admin']);
    expect((await api(`${url}/enrollments/${menteeEnrollment}`, { token: otherTenant })).status).toBe(404);

    const withdrawn = await api(`${url}/enrollments/${menteeEnrollment}/withdraw`, {
      method: 'POST',
      token: menteeToken,
    });
    expect(withdrawn).toMatchObject({ status: 200, body: { status: 'withdrawn' } });

    const types = await waitFor(
      () => {
        const found = reader
          .on(Topics.ProfilesEnrollment)
          .filter((message) => message.key === menteeEnrollment)
          .map((message) => decodeEvent(Topics.ProfilesEnrollment, message.value))
          .map((decoded) => (decoded.ok ? decoded.type : `invalid: ${decoded.reason}`));
        return found.length >= 3 ? found : undefined;
      },
      { timeoutMs: 30_000, description: 'the enrollment events on Kafka' },
    );
    expect(types).toEqual([
      'medmentor.profiles.enrollment.submitted',
      'medmentor.profiles.rank-list.submitted',
      'medmentor.profiles.enrollment.withdrawn',
    ]);
  });
});
