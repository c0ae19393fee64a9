import type { EnrollmentView } from '../src/enrollments/dto/enrollment-view.dto';
import { EnrollmentsModule } from '../src/enrollments/enrollments.module';
import type { PhysicianView } from '../src/physicians/dto/physician-view.dto';
import { PhysiciansModule } from '../src/physicians/physicians.module';
import { ProgramsModule } from '../src/programs/programs.module';
import { TenantsModule } from '../src/tenants/tenants.module';
import {
  attending,
  cohortProgram,
  nationalProgram,
  publishProgram,
  registerPhysician,
  registerTenant,
  resident,
} from './enrollment-fixtures';
import { ProfilesTestApp, type PageBody, type Problem } from './profiles-test-app';

const PHYSICIANS = '/api/v1/physicians';

describe('physicians listed by their enrollments (real Kafka and MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  let tenantA: string;
  let adminA: string;
  let adminB: string;

  beforeAll(async () => {
    it$ = await ProfilesTestApp.start([
      TenantsModule,
      ProgramsModule,
      PhysiciansModule,
      EnrollmentsModule,
    ]);
    tenantA = await registerTenant(it$);
    adminA = await it$.token(tenantA, ['org-admin']);
    adminB = await it$.token(await registerTenant(it$), ['org-admin']);
  });

  afterAll(async () => {
    await it$?.close();
  });

  const enroll = async (
    programId: string,
    physicianId: string,
    side: 'mentee' | 'mentor',
    roles: string[],
    token = adminA,
  ): Promise<EnrollmentView> => {
    const reply = await it$.call<EnrollmentView>('POST', '/api/v1/enrollments', {
      token,
      body: { programId, physicianId, side, roles },
    });
    expect(reply).toMatchObject({ status: 201 });
    return reply.body;
  };
  const list = async (query: string, token = adminA) => {
    const reply = await it$.call<PageBody<PhysicianView>>('GET', `${PHYSICIANS}?${query}`, {
      token,
    });
    expect(reply.status).toBe(200);
    return reply.body.items.map((item) => item.id);
  };

  it('lists the physicians with an active enrollment by program, side and role', async () => {
    const national = await publishProgram(it$, adminA, nationalProgram());
    const cohort = await publishProgram(it$, adminA, cohortProgram());
    // One after the other: the list is ordered by registration, newest first.
    const register = (body: Record<string, unknown>) => registerPhysician(it$, adminA, body);
    const menteeA = await register(resident());
    const menteeB = await register(resident({ careerStage: { stage: 'fellow' } }));
    const leaver = await register(resident());
    const clinician = await register(attending());
    const coach = await register(attending({ specialty: 'pediatrics', subspecialty: undefined }));
    await register(attending()); // never enrolled
    await enroll(national.id, menteeA, 'mentee', ['career']);
    await enroll(national.id, menteeB, 'mentee', ['clinical']);
    const left = await enroll(national.id, leaver, 'mentee', ['career']);
    expect(
      (await it$.call('POST', `/api/v1/enrollments/${left.id}/withdraw`, { token: adminA })).status,
    ).toBe(200);
    await enroll(national.id, clinician, 'mentor', ['clinical']);
    await enroll(cohort.id, clinician, 'mentor', ['career']);
    await enroll(cohort.id, coach, 'mentor', ['career']);

    const inNational = `programId=${national.id}`;
    // Newest profile first, like every physician list; the withdrawn one is left out.
    expect(await list(inNational)).toEqual([clinician, menteeB, menteeA]);
    expect(await list(`${inNational}&side=mentee`)).toEqual([menteeB, menteeA]);
    expect(await list(`${inNational}&role=clinical`)).toEqual([clinician, menteeB]);
    expect(await list(`${inNational}&side=mentee&role=career`)).toEqual([menteeA]);
    expect(await list(`${inNational}&stage=fellow`)).toEqual([menteeB]);
    // Without a program: across programs, each physician once.
    expect(await list('side=mentor')).toEqual([coach, clinician]);
    expect(await list('side=mentor&role=career')).toEqual([coach, clinician]);
    expect(await list('side=mentor&specialty=pediatrics')).toEqual([coach]);
    expect(await list(`programId=${cohort.id}&side=mentee`)).toEqual([]);

    // Keyset pages stay complete under the filter.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const reply: { body: PageBody<PhysicianView> } = await it$.call<PageBody<PhysicianView>>(
        'GET',
        `${PHYSICIANS}?${inNational}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        { token: adminA },
      );
      seen.push(...reply.body.items.map((item) => item.id));
      cursor = reply.body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([clinician, menteeB, menteeA]);

    // Another tenant's program has no enrollments for B; B's own physicians are never A's.
    expect(await list(inNational, adminB)).toEqual([]);

    for (const bad of ['programId=nope', 'side=coach', 'role=surgeon'])
      expect(
        await it$.call<Problem>('GET', `${PHYSICIANS}?${bad}`, { token: adminA }),
      ).toMatchObject({ status: 400, body: { code: 'validation-failed' } });
    const physicianToken = await it$.token(tenantA, ['mentee'], { physicianId: menteeA });
    expect(
      (await it$.call('GET', `${PHYSICIANS}?${inNational}`, { token: physicianToken })).status,
    ).toBe(403);
  });
});
