import type { ParticipantView } from '../src/enrollments/dto/participant-view.dto';
import type { EnrollmentView } from '../src/enrollments/dto/enrollment-view.dto';
import { EnrollmentsModule } from '../src/enrollments/enrollments.module';
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
import {
  fieldsOf,
  ProfilesTestApp,
  type PageBody,
  type Problem,
  type Reply,
} from './profiles-test-app';

const ENROLLMENTS = '/api/v1/enrollments';
const participantsOf = (programId: string) => `/api/v1/programs/${programId}/participants`;

/** What a potential match sees of every profile, whatever its privacy settings. */
const ALWAYS_SHOWN = [
  'careerStage',
  'familyName',
  'givenName',
  'id',
  'interests',
  'languages',
  'specialty',
  'status',
  'view',
];

describe('program participants directory (real Kafka and MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  let tenantA: string;
  let tenantB: string;
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
    tenantB = await registerTenant(it$);
    adminA = await it$.token(tenantA, ['org-admin']);
    adminB = await it$.token(tenantB, ['org-admin']);
  });

  afterAll(async () => {
    await it$?.close();
  });

  const physicianToken = (physicianId: string, tenant = tenantA) =>
    it$.token(tenant, ['mentee'], { physicianId });
  const enroll = async (
    programId: string,
    physicianId: string,
    side: 'mentee' | 'mentor' | 'peer',
    token = adminA,
  ): Promise<EnrollmentView> => {
    const reply = await it$.call<EnrollmentView>('POST', ENROLLMENTS, {
      token,
      body: {
        programId,
        physicianId,
        side,
        ...(side !== 'peer' && { roles: [side === 'mentor' ? 'clinical' : 'career'] }),
        ...(side === 'mentor' && { topics: ['research-career'] }),
      },
    });
    expect(reply).toMatchObject({ status: 201 });
    return reply.body;
  };
  const page = async (programId: string, token: string, query = '') => {
    const reply = await it$.call<PageBody<ParticipantView>>(
      'GET',
      `${participantsOf(programId)}${query ? `?${query}` : ''}`,
      { token },
    );
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const ids = async (programId: string, token: string, query = '') =>
    (await page(programId, token, query)).items.map((item) => item.enrollmentId);
  /** Every item of every page, following `nextCursor` to the end. */
  const allPages = async (programId: string, token: string, query: string) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: PageBody<ParticipantView> = await page(
        programId,
        token,
        `${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...body.items.map((item) => item.enrollmentId));
      cursor = body.nextCursor;
    } while (cursor !== null);
    return seen;
  };
  const expectProblem = (
    reply: Reply<unknown>,
    status: number,
    code: string,
    fields?: string[],
  ) => {
    const body = reply.body as Problem;
    expect({ status: reply.status, code: body.code }).toEqual({ status, code });
    expect(reply.headers['content-type']).toMatch(/application\/problem\+json/);
    if (fields) expect(fieldsOf(body)).toEqual(fields);
  };

  /** A national program with two mentors (one hiding everything private), two mentees, a peer and a withdrawn mentor. */
  const nationalCycle = async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const open = await registerPhysician(
      it$,
      adminA,
      attending({
        phone: '+15551234567',
        bio: 'Cardiologist in Boston',
        goals: ['grow researchers'],
        languages: ['en'],
        interests: ['research'],
      }),
    );
    const closed = await registerPhysician(
      it$,
      adminA,
      attending({
        careerStage: { stage: 'senior', yearsInPractice: 30 },
        subspecialty: undefined,
        phone: '+15557654321',
        bio: 'Hospitalist',
        goals: ['teach'],
        languages: ['en', 'es'],
        privacy: { visibleToMatches: [], visibleToAdmins: [] },
      }),
    );
    const gone = await registerPhysician(it$, adminA, attending());
    const menteeIds = await Promise.all(
      [resident(), resident({ careerStage: { stage: 'fellow' } })].map((body) =>
        registerPhysician(it$, adminA, body),
      ),
    );
    const peer = await registerPhysician(it$, adminA, resident());
    // Enrolment order fixes the newest-first order: `closed` is the newest mentor.
    const openMentor = await enroll(program.id, open, 'mentor');
    const closedMentor = await enroll(program.id, closed, 'mentor');
    const withdrawn = await enroll(program.id, gone, 'mentor');
    const mentees = [];
    for (const id of menteeIds) mentees.push(await enroll(program.id, id, 'mentee'));
    const peerEnrollment = await enroll(program.id, peer, 'peer');
    const out = await it$.call('POST', `${ENROLLMENTS}/${withdrawn.id}/withdraw`, {
      token: adminA,
    });
    expect(out.status).toBe(200);
    return {
      program,
      physicians: { open, closed, gone, mentees: menteeIds, peer },
      enrollments: { openMentor, closedMentor, withdrawn, mentees, peer: peerEnrollment },
    };
  };

  it('shows an enrolled mentee the mentors to rank, as a potential match sees them, and nothing more', async () => {
    const { program, physicians, enrollments } = await nationalCycle();
    const menteeToken = await physicianToken(physicians.mentees[0]);

    const body = await page(program.id, menteeToken);
    expect(body.nextCursor).toBeNull();
    // Withdrawn mentors, mentees and peers are not listed; newest enrollment first.
    expect(body.items.map((item) => item.enrollmentId)).toEqual([
      enrollments.closedMentor.id,
      enrollments.openMentor.id,
    ]);
    const [closed, open] = body.items;
    expect(Object.keys(closed).sort()).toEqual([
      'enrollmentId',
      'physician',
      'roles',
      'side',
      'topics',
    ]);
    expect(closed).toMatchObject({
      side: 'mentor',
      roles: ['clinical'],
      topics: ['research-career'],
      physician: { id: physicians.closed, view: 'match', languages: ['en', 'es'] },
    });
    // Everything private is hidden by this mentor's settings.
    expect(Object.keys(closed.physician).sort()).toEqual(ALWAYS_SHOWN);
    // The default settings show bio, goals and location; never email, phone, NPI or the rest.
    expect(Object.keys(open.physician).sort()).toEqual(
      [...ALWAYS_SHOWN, 'bio', 'goals', 'location', 'subspecialty'].sort(),
    );
    expect(open.physician).toMatchObject({
      bio: 'Cardiologist in Boston',
      location: { city: 'Boston', region: 'MA', country: 'US' },
    });

    // The ids are the ones a rank list takes.
    const mine = enrollments.mentees[0];
    const ranked = await it$.call<EnrollmentView>('PUT', `${ENROLLMENTS}/${mine.id}/rank-list`, {
      token: menteeToken,
      body: { version: mine.version, ranks: [open.enrollmentId, closed.enrollmentId] },
    });
    expect(ranked.status).toBe(200);

    // A mentor sees the mentees, not the peer.
    const mentorToken = await it$.token(tenantA, ['mentor'], { physicianId: physicians.open });
    expect(await ids(program.id, mentorToken)).toEqual(
      enrollments.mentees.map((enrollment) => enrollment.id).reverse(),
    );
    expect(await ids(program.id, mentorToken, 'side=mentee')).toHaveLength(2);

    // A privacy change applies at the next read.
    const current = await it$.call<{ version: number }>(
      'GET',
      `/api/v1/physicians/${physicians.open}`,
      { token: adminA },
    );
    const changed = await it$.call('PATCH', `/api/v1/physicians/${physicians.open}`, {
      token: adminA,
      body: {
        version: current.body.version,
        privacy: { visibleToMatches: ['location'], visibleToAdmins: [] },
      },
    });
    expect(changed.status).toBe(200);
    const after = (await page(program.id, menteeToken)).items[1].physician;
    expect(after).not.toHaveProperty('bio');
    expect(after).toHaveProperty('location');
  });

  it('filters on what the items show and pages by keyset', async () => {
    const { program, physicians, enrollments } = await nationalCycle();
    const menteeToken = await physicianToken(physicians.mentees[0]);
    const open = enrollments.openMentor.id;
    const closed = enrollments.closedMentor.id;

    expect(
      await ids(program.id, menteeToken, 'specialty=internal-medicine.cardiovascular-disease'),
    ).toEqual([open]);
    expect(await ids(program.id, menteeToken, 'specialty=internal-medicine')).toEqual([
      closed,
      open,
    ]);
    expect(await ids(program.id, menteeToken, 'stage=senior')).toEqual([closed]);
    expect(await ids(program.id, menteeToken, 'interest=research')).toEqual([open]);
    expect(await ids(program.id, menteeToken, 'language=es')).toEqual([closed]);
    expect(await ids(program.id, menteeToken, 'specialty=pediatrics')).toEqual([]);
    // Both live in MA, US; the one hiding the location is not found by it, for admins either.
    for (const token of [menteeToken, adminA]) {
      expect(await ids(program.id, token, 'country=US&side=mentor')).toEqual([open]);
      expect(await ids(program.id, token, 'region=MA&side=mentor')).toEqual([open]);
    }
    // The hidden one is the newest: with one per page the scan passes over it, and ends.
    expect(await allPages(program.id, menteeToken, 'country=US&limit=1')).toEqual([open]);

    // Keyset pages are complete and in order.
    const first = await page(program.id, menteeToken, 'limit=1');
    expect(first.items.map((item) => item.enrollmentId)).toEqual([closed]);
    expect(first.nextCursor).not.toBeNull();
    expect(await allPages(program.id, menteeToken, 'limit=1')).toEqual([closed, open]);
    const everyone = [
      enrollments.peer.id,
      ...enrollments.mentees.map((enrollment) => enrollment.id).reverse(),
      closed,
      open,
    ];
    expect(await allPages(program.id, adminA, 'limit=2')).toEqual(everyone);

    for (const bad of ['side=coach', 'cursor=zzz', 'limit=0', 'country=usa', 'stage=intern'])
      expectProblem(
        await it$.call('GET', `${participantsOf(program.id)}?${bad}`, { token: menteeToken }),
        400,
        'validation-failed',
      );
    expectProblem(
      await it$.call('GET', participantsOf('not-a-uuid'), { token: menteeToken }),
      400,
      'validation-failed',
      ['programId'],
    );
  });

  it('lets admins of the tenant see every side, still as potential matches see the profiles', async () => {
    const { program, physicians, enrollments } = await nationalCycle();
    for (const roles of [['org-admin'], ['program-admin']] as const) {
      const token = await it$.token(tenantA, [...roles]);
      expect(await ids(program.id, token, 'side=peer')).toEqual([enrollments.peer.id]);
      const mentors = (await page(program.id, token, 'side=mentor')).items;
      expect(mentors.map((item) => item.physician.view)).toEqual(['match', 'match']);
      expect(mentors[0].physician).not.toHaveProperty('email');
      expect(mentors[1].physician).not.toHaveProperty('phone');
    }
    const platform = await it$.token(undefined, ['platform-admin']);
    const reply = await it$.call<PageBody<ParticipantView>>('GET', participantsOf(program.id), {
      token: platform,
      headers: { 'x-tenant-id': tenantA },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.items).toHaveLength(5);

    // An erased physician leaves the directory at once.
    const erased = await it$.call('DELETE', `/api/v1/physicians/${physicians.open}`, {
      token: adminA,
    });
    expect(erased.status).toBe(204);
    expect(await ids(program.id, adminA, 'side=mentor')).toEqual([enrollments.closedMentor.id]);
  });

  it('refuses physicians who do not rank that side of the program', async () => {
    const { program, physicians, enrollments } = await nationalCycle();
    const forbidden = async (token: string, query: string, fields: string[]) =>
      expectProblem(
        await it$.call('GET', `${participantsOf(program.id)}${query}`, { token }),
        403,
        'participants-forbidden',
        fields,
      );

    const mentee = await physicianToken(physicians.mentees[0]);
    await forbidden(mentee, '?side=mentee', ['side']);
    await forbidden(mentee, '?side=peer', ['side']);
    await forbidden(await physicianToken(physicians.peer), '', ['programId']);
    await forbidden(await physicianToken(physicians.gone), '?side=mentee', ['programId']);
    const outsider = await registerPhysician(it$, adminA, resident());
    await forbidden(await physicianToken(outsider), '', ['programId']);
    await forbidden(await it$.token(tenantA, ['mentee']), '', ['programId']);

    // Cohort programs: matching proposes the pairs, nobody browses.
    const cohort = await publishProgram(it$, adminA, cohortProgram());
    const cohortMentee = await registerPhysician(it$, adminA, resident());
    await enroll(cohort.id, cohortMentee, 'mentee');
    expectProblem(
      await it$.call('GET', participantsOf(cohort.id), {
        token: await physicianToken(cohortMentee),
      }),
      403,
      'participants-forbidden',
      ['programId'],
    );

    // A closed program is gone for physicians, as in the program routes; admins still see it.
    const closed = await it$.call('POST', `/api/v1/programs/${program.id}/close`, {
      token: adminA,
    });
    expect(closed.status).toBe(200);
    expectProblem(
      await it$.call('GET', participantsOf(program.id), { token: mentee }),
      404,
      'program-not-found',
    );
    expect(await ids(program.id, adminA, 'side=mentee')).toEqual(
      enrollments.mentees.map((enrollment) => enrollment.id).reverse(),
    );
  });

  it('keeps tenants apart: another tenant’s program does not exist', async () => {
    const { program } = await nationalCycle();
    const programB = await publishProgram(it$, adminB, nationalProgram());
    const menteeB = await registerPhysician(it$, adminB, resident());
    const mentorB = await registerPhysician(it$, adminB, attending());
    await enroll(programB.id, menteeB, 'mentee', adminB);
    const mentorEnrollmentB = await enroll(programB.id, mentorB, 'mentor', adminB);
    const menteeTokenB = await physicianToken(menteeB, tenantB);

    for (const token of [adminB, menteeTokenB])
      expectProblem(
        await it$.call('GET', participantsOf(program.id), { token }),
        404,
        'program-not-found',
      );
    // A's admin does not see B's program either; B's mentee sees only B's mentors.
    expectProblem(
      await it$.call('GET', participantsOf(programB.id), { token: adminA }),
      404,
      'program-not-found',
    );
    expect(await ids(programB.id, menteeTokenB)).toEqual([mentorEnrollmentB.id]);
  });
});
