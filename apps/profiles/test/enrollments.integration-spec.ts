import { Topics } from '@medmentor/contracts';
import { waitFor } from '@medmentor/testing';
import type { EnrollmentView } from '../src/enrollments/dto/enrollment-view.dto';
import { Clock } from '../src/enrollments/clock';
import { EnrollmentRepository } from '../src/enrollments/enrollment.repository';
import { EnrollmentsModule } from '../src/enrollments/enrollments.module';
import { ProgramDeadlineRepository } from '../src/enrollments/program-deadline.repository';
import { RankListFreezer } from '../src/enrollments/rank-list-freezer';
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
  EventLog,
  fieldsOf,
  ProfilesTestApp,
  type PageBody,
  type Problem,
  type Reply,
} from './profiles-test-app';

type Enrollment = EnrollmentView;

const TOPIC = Topics.ProfilesEnrollment;
const URL = '/api/v1/enrollments';
const DAY = 24 * 60 * 60 * 1000;

describe('enrollments over HTTP (real Kafka and MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  let events: EventLog;
  let clock: Clock;
  let tenantA: string;
  let tenantB: string;
  let adminA: string;
  let adminB: string;
  let programAdminA: string;

  beforeAll(async () => {
    it$ = await ProfilesTestApp.start([
      TenantsModule,
      ProgramsModule,
      PhysiciansModule,
      EnrollmentsModule,
    ]);
    events = await EventLog.start([TOPIC]);
    clock = it$.app.get(Clock);
    tenantA = await registerTenant(it$);
    tenantB = await registerTenant(it$);
    adminA = await it$.token(tenantA, ['org-admin']);
    adminB = await it$.token(tenantB, ['org-admin']);
    programAdminA = await it$.token(tenantA, ['program-admin']);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await events?.stop();
    await it$?.close();
  });

  const physicianToken = (physicianId: string, tenant = tenantA) =>
    it$.token(tenant, ['mentee'], { physicianId });
  const enroll = (token: string, body: Record<string, unknown>) =>
    it$.call<Enrollment>('POST', URL, { token, body });
  const enrolled = async (token: string, body: Record<string, unknown>): Promise<Enrollment> => {
    const reply = await enroll(token, body);
    expect(reply).toMatchObject({ status: 201 });
    return reply.body;
  };
  const count = () => it$.connection.collection('enrollments').countDocuments();
  /** The stored enrollment without the outbox fields the relay changes on its own. */
  const stored = (id: string) =>
    it$.connection.collection('enrollments').findOne(
      { _id: id as never },
      {
        projection: { _outbox: 0, _outboxPending: 0, _outboxLockedBy: 0, _outboxLockedUntil: 0 },
      },
    );
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
  const moveClock = (to: Date) => jest.spyOn(clock, 'now').mockReturnValue(to);

  it('enrolls a physician themself and announces the enrollment once', async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const menteeId = await registerPhysician(it$, adminA, resident());
    const excluded = await registerPhysician(it$, adminA, attending());
    const token = await physicianToken(menteeId);

    const created = await enrolled(token, {
      programId: program.id,
      side: 'mentee',
      roles: ['career'],
      topics: ['job-search', 'contract-negotiation'],
      preferences: { externalMentorOnly: true, exclusions: [excluded] },
    });
    expect(created).toMatchObject({
      tenantId: tenantA,
      programId: program.id,
      physicianId: menteeId,
      side: 'mentee',
      roles: ['career'],
      status: 'active',
      version: 1,
      preferences: {
        externalMentorOnly: true,
        preferred: { specialties: [], languages: [], practiceSetting: {} },
        exclusions: [excluded],
      },
      rankList: { ranks: [] },
    });

    const [event] = await events.waitFor(TOPIC, created.id, 1);
    expect(event).toMatchObject({
      type: 'medmentor.profiles.enrollment.submitted',
      tenantId: tenantA,
      data: {
        enrollmentId: created.id,
        physicianId: menteeId,
        topics: ['job-search', 'contract-negotiation'],
        version: 1,
      },
    });
    await it$.outboxDrained('enrollments');
    expect(events.about(TOPIC, created.id)).toHaveLength(1);

    expect((await it$.call<Enrollment>('GET', `${URL}/${created.id}`, { token })).body).toEqual(
      created,
    );
    expect((await it$.call('GET', `${URL}/${created.id}`, { token: programAdminA })).status).toBe(
      200,
    );
    const stranger = await physicianToken(excluded);
    expectProblem(
      await it$.call('GET', `${URL}/${created.id}`, { token: stranger }),
      404,
      'enrollment-not-found',
    );
  });

  it('lets admins enroll anyone of the tenant; a mentor gets the profile capacity by default', async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const mentorId = await registerPhysician(it$, adminA, attending());
    const mentor = await enrolled(programAdminA, {
      programId: program.id,
      physicianId: mentorId,
      side: 'mentor',
      roles: ['career', 'clinical'],
      topics: ['leadership-development'],
    });
    expect(mentor).toMatchObject({ physicianId: mentorId, capacity: 3, side: 'mentor' });

    const peerId = await registerPhysician(it$, adminA, resident());
    const peer = await enrolled(adminA, {
      programId: program.id,
      physicianId: peerId,
      side: 'peer',
    });
    // Peers do not rank, so they have no rank list.
    expect(peer).toMatchObject({ roles: ['peer'] });
    expect(peer.rankList).toBeUndefined();
  });

  it('refuses what breaks the rules with problem+json naming the field, and stores nothing', async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const menteeId = await registerPhysician(it$, adminA, resident());
    const mentorId = await registerPhysician(it$, adminA, attending());
    const untrained = await registerPhysician(
      it$,
      adminA,
      attending({ mentorTraining: { completed: false } }),
    );
    const surgeon = await registerPhysician(it$, adminA, resident({ specialty: 'surgery' }));
    const token = await physicianToken(menteeId);
    const before = await count();
    const base = { programId: program.id, side: 'mentee', roles: ['career'] };

    const cases: [Record<string, unknown>, string, number, string, string[]?][] = [
      [{ ...base, side: 'coach' }, token, 400, 'validation-failed', ['side']],
      [{ ...base, topics: ['astrology'] }, token, 400, 'validation-failed', ['topics[0]']],
      [{ ...base, roles: ['career', 'career'] }, token, 400, 'validation-failed', ['roles']],
      [{ ...base, extra: 1 }, token, 400, 'validation-failed'],
      [{ ...base, programId: crypto.randomUUID() }, token, 404, 'program-not-found'],
      [{ ...base, physicianId: mentorId }, token, 403, 'enrollment-forbidden', ['physicianId']],
      [{ ...base, physicianId: crypto.randomUUID() }, adminA, 404, 'physician-not-found'],
      [
        { programId: program.id, side: 'mentee' },
        adminA,
        400,
        'validation-failed',
        ['physicianId'],
      ],
      [{ ...base, roles: ['wellness'] }, token, 422, 'enrollment-invalid', ['roles[0]']],
      [
        { ...base, preferences: { exclusions: [crypto.randomUUID()] } },
        token,
        422,
        'enrollment-invalid',
        ['preferences.exclusions[0]'],
      ],
      [
        { ...base, physicianId: surgeon },
        adminA,
        422,
        'enrollment-ineligible',
        ['physician.specialty'],
      ],
      [
        { ...base, side: 'mentee', physicianId: mentorId },
        adminA,
        422,
        'enrollment-ineligible',
        ['physician.careerStage'],
      ],
      [
        { ...base, side: 'mentor', physicianId: untrained },
        adminA,
        422,
        'enrollment-ineligible',
        ['physician.mentorTraining'],
      ],
      [
        { ...base, side: 'mentor', physicianId: mentorId, capacity: 4 },
        adminA,
        422,
        'enrollment-invalid',
        ['capacity'],
      ],
      [
        {
          ...base,
          side: 'mentor',
          physicianId: mentorId,
          preferences: { externalMentorOnly: true },
        },
        adminA,
        422,
        'enrollment-invalid',
        ['preferences.externalMentorOnly'],
      ],
    ];
    for (const [body, caller, status, code, fields] of cases) {
      const reply = await enroll(caller, body);
      expect({ body, status: reply.status }).toEqual({ body, status });
      expectProblem(reply, status, code, fields);
    }
    expect(await count()).toBe(before);

    // One active enrollment per physician and program.
    await enrolled(token, base);
    expectProblem(
      await enroll(token, { ...base, side: 'peer', roles: ['peer'] }),
      409,
      'already-enrolled',
      ['physicianId'],
    );
    expect(await count()).toBe(before + 1);
  });

  it('takes enrollments only while the program is open and inside its window', async () => {
    const program = await publishProgram(it$, adminA, cohortProgram());
    const menteeId = await registerPhysician(it$, adminA, resident());
    const token = await physicianToken(menteeId);
    const body = { programId: program.id, side: 'mentee', roles: ['career'] };
    const before = await count();

    moveClock(new Date(Date.parse(program.cycle['enrollmentOpensAt']) - 1));
    expectProblem(await enroll(token, body), 409, 'enrollment-closed', ['programId']);
    moveClock(new Date(Date.parse(program.cycle['enrollmentClosesAt'])));
    expectProblem(await enroll(token, body), 409, 'enrollment-closed', ['programId']);
    jest.restoreAllMocks();

    const draft = await it$.call<{ id: string }>('POST', '/api/v1/programs', {
      token: adminA,
      body: cohortProgram(),
    });
    // A draft is invisible to physicians and not open for admins.
    expectProblem(
      await enroll(token, { ...body, programId: draft.body.id }),
      404,
      'program-not-found',
    );
    expectProblem(
      await enroll(adminA, { ...body, programId: draft.body.id, physicianId: menteeId }),
      409,
      'enrollment-closed',
    );
    expect(await count()).toBe(before);
  });

  it('changes an enrollment with the version read, announcing each change once', async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const mentorId = await registerPhysician(it$, adminA, attending());
    const token = await it$.token(tenantA, ['mentor'], { physicianId: mentorId });
    const created = await enrolled(token, {
      programId: program.id,
      side: 'mentor',
      roles: ['career'],
    });

    const changed = await it$.call<Enrollment>('PATCH', `${URL}/${created.id}`, {
      token,
      body: { version: 1, roles: ['career', 'clinical'], capacity: 2, topics: ['teaching'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, capacity: 2, roles: ['career', 'clinical'] });
    const [, updated] = await events.waitFor(TOPIC, created.id, 2);
    expect(updated).toMatchObject({
      type: 'medmentor.profiles.enrollment.updated',
      data: { version: 2, capacity: 2, topics: ['teaching'] },
    });

    expectProblem(
      await it$.call('PATCH', `${URL}/${created.id}`, { token, body: { version: 1, capacity: 1 } }),
      409,
      'version-conflict',
      ['version'],
    );
    expectProblem(
      await it$.call('PATCH', `${URL}/${created.id}`, { token, body: { version: 2, capacity: 9 } }),
      422,
      'enrollment-invalid',
      ['capacity'],
    );
    expectProblem(
      await it$.call('PATCH', `${URL}/${created.id}`, {
        token,
        body: { version: 2, side: 'mentee' },
      }),
      400,
      'validation-failed',
    );
    expect(await stored(created.id)).toMatchObject({ version: 2, capacity: 2 });
  });

  it('withdraws once with an event, and lets the physician enroll again while the program is open', async () => {
    const program = await publishProgram(it$, adminA, cohortProgram());
    const menteeId = await registerPhysician(it$, adminA, resident());
    const token = await physicianToken(menteeId);
    const body = { programId: program.id, side: 'mentee', roles: ['career'] };
    const first = await enrolled(token, body);

    const withdrawn = await it$.call<Enrollment>('POST', `${URL}/${first.id}/withdraw`, { token });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', version: 2 });
    expect(withdrawn.body.withdrawnAt).toEqual(expect.any(String));
    const [, event] = await events.waitFor(TOPIC, first.id, 2);
    expect(event).toMatchObject({
      type: 'medmentor.profiles.enrollment.withdrawn',
      data: { enrollmentId: first.id, physicianId: menteeId, side: 'mentee', version: 2 },
    });

    expectProblem(
      await it$.call('POST', `${URL}/${first.id}/withdraw`, { token }),
      409,
      'enrollment-withdrawn',
    );
    expectProblem(
      await it$.call('PATCH', `${URL}/${first.id}`, { token, body: { version: 2, topics: [] } }),
      409,
      'enrollment-withdrawn',
    );
    const again = await enrolled(token, body);
    expect(again.id).not.toBe(first.id);
    await it$.outboxDrained('enrollments');
    expect(events.about(TOPIC, first.id)).toHaveLength(2);
  });

  it('lists a physician their own enrollments and admins the tenant’s, with filters and keyset pages', async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const other = await publishProgram(it$, adminA, cohortProgram());
    const mentees = await Promise.all(
      [
        resident({ interests: ['education'], location: { region: 'TX', country: 'US' } }),
        resident({ careerStage: { stage: 'fellow' }, location: { region: 'ON', country: 'CA' } }),
        resident({
          specialty: 'internal-medicine',
          subspecialty: 'internal-medicine.gastroenterology',
        }),
      ].map((body) => registerPhysician(it$, adminA, body)),
    );
    const mentorId = await registerPhysician(it$, adminA, attending());
    const ids: string[] = [];
    for (const physicianId of mentees)
      ids.push(
        (
          await enrolled(adminA, {
            programId: program.id,
            physicianId,
            side: 'mentee',
            roles: ['career'],
          })
        ).id,
      );
    const mentor = await enrolled(adminA, {
      programId: program.id,
      physicianId: mentorId,
      side: 'mentor',
      roles: ['clinical'],
    });
    const elsewhere = await enrolled(adminA, {
      programId: other.id,
      physicianId: mentees[0],
      side: 'mentee',
      roles: ['clinical'],
    });
    await it$.call('POST', `${URL}/${ids[2]}/withdraw`, { token: adminA });

    const list = async (query: string, token = adminA) => {
      const reply = await it$.call<PageBody<Enrollment>>('GET', `${URL}?${query}`, { token });
      expect(reply.status).toBe(200);
      return reply.body.items.map((item) => item.id);
    };
    const inProgram = `programId=${program.id}`;
    expect(await list(inProgram)).toEqual([mentor.id, ids[2], ids[1], ids[0]]);
    expect(await list(`${inProgram}&side=mentor`)).toEqual([mentor.id]);
    expect(await list(`${inProgram}&role=clinical`)).toEqual([mentor.id]);
    expect(await list(`${inProgram}&status=withdrawn`)).toEqual([ids[2]]);
    expect(await list(`${inProgram}&stage=fellow`)).toEqual([ids[1]]);
    expect(await list(`${inProgram}&interest=education`)).toEqual([ids[0]]);
    expect(await list(`${inProgram}&country=CA`)).toEqual([ids[1]]);
    expect(await list(`${inProgram}&region=TX`)).toEqual([ids[0]]);
    // A subspecialty search finds its subspecialists; a primary one finds both kinds.
    expect(await list(`${inProgram}&specialty=internal-medicine.gastroenterology`)).toEqual([
      ids[2],
    ]);
    expect(
      await list(`${inProgram}&specialty=internal-medicine.cardiovascular-disease&side=mentor`),
    ).toEqual([mentor.id]);
    expect(await list(`physicianId=${mentees[0]}`)).toEqual([elsewhere.id, ids[0]]);

    // Keyset pages: stable and complete.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const reply: Reply<PageBody<Enrollment>> = await it$.call<PageBody<Enrollment>>(
        'GET',
        `${URL}?${inProgram}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        { token: programAdminA },
      );
      seen.push(...reply.body.items.map((item) => item.id));
      cursor = reply.body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([mentor.id, ids[2], ids[1], ids[0]]);

    const own = await physicianToken(mentees[0]);
    expect(await list('', own)).toEqual([elsewhere.id, ids[0]]);
    expect(await list(`physicianId=${mentorId}`, own)).toEqual([]);
    expect(await list(inProgram, await it$.token(tenantA, ['mentor']))).toEqual([]);

    for (const bad of ['side=coach', 'programId=nope', 'cursor=zzz', 'limit=0', 'country=usa'])
      expectProblem(
        await it$.call('GET', `${URL}?${bad}`, { token: adminA }),
        400,
        'validation-failed',
      );
  });

  it('keeps rank lists to active enrollments of the other side until the deadline', async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const [m1, m2, e1, e2] = await Promise.all([
      registerPhysician(it$, adminA, attending()),
      registerPhysician(it$, adminA, attending()),
      registerPhysician(it$, adminA, resident()),
      registerPhysician(it$, adminA, resident()),
    ]);
    const mentorOf = (physicianId: string) =>
      enrolled(adminA, { programId: program.id, physicianId, side: 'mentor', roles: ['career'] });
    const [mentor1, mentor2] = [await mentorOf(m1), await mentorOf(m2)];
    const token = await physicianToken(e1);
    const mentee = await enrolled(token, {
      programId: program.id,
      side: 'mentee',
      roles: ['career'],
      preferences: { exclusions: [m2] },
    });
    const otherMentee = await enrolled(adminA, {
      programId: program.id,
      physicianId: e2,
      side: 'mentee',
      roles: ['career'],
    });
    const put = (id: string, body: Record<string, unknown>, caller = token) =>
      it$.call<Enrollment>('PUT', `${URL}/${id}/rank-list`, { token: caller, body });

    const submitted = await put(mentee.id, { version: 1, ranks: [mentor1.id] });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ version: 2, rankList: { ranks: [mentor1.id] } });
    const [, event] = await events.waitFor(TOPIC, mentee.id, 2);
    expect(event).toMatchObject({
      type: 'medmentor.profiles.rank-list.submitted',
      data: { enrollmentId: mentee.id, side: 'mentee', ranks: [mentor1.id], version: 2 },
    });

    const mentorRanks = await put(
      mentor1.id,
      { version: 1, ranks: [otherMentee.id, mentee.id] },
      adminA,
    );
    expect(mentorRanks.body).toMatchObject({ rankList: { ranks: [otherMentee.id, mentee.id] } });

    const bad: [Record<string, unknown>, number, string, string[]?][] = [
      [{ version: 2, ranks: [mentor1.id, mentor1.id] }, 422, 'rank-list-invalid', ['ranks[1]']],
      [{ version: 2, ranks: [otherMentee.id] }, 422, 'rank-list-invalid', ['ranks[0]']],
      [{ version: 2, ranks: [mentor2.id] }, 422, 'rank-list-invalid', ['ranks[0]']],
      [{ version: 2, ranks: [crypto.randomUUID()] }, 422, 'rank-list-invalid', ['ranks[0]']],
      [{ version: 2, ranks: ['not-a-uuid'] }, 400, 'validation-failed', ['ranks[0]']],
      [{ version: 1, ranks: [] }, 409, 'version-conflict', ['version']],
    ];
    for (const [body, status, code, fields] of bad)
      expectProblem(await put(mentee.id, body), status, code, fields);
    expect(await stored(mentee.id)).toMatchObject({
      version: 2,
      rankList: { ranks: [mentor1.id] },
    });

    // A withdrawn mentor can no longer be ranked, but stays in lists that named it.
    await it$.call('POST', `${URL}/${mentor1.id}/withdraw`, { token: adminA });
    expectProblem(
      await put(mentee.id, { version: 2, ranks: [mentor1.id] }),
      422,
      'rank-list-invalid',
    );
    expect(await stored(mentee.id)).toMatchObject({ rankList: { ranks: [mentor1.id] } });

    moveClock(new Date(Date.parse(program.cycle['rankListsDueAt'])));
    expectProblem(await put(mentee.id, { version: 2, ranks: [] }), 409, 'rank-list-frozen', [
      'ranks',
    ]);
    jest.restoreAllMocks();

    const peerId = await registerPhysician(it$, adminA, resident());
    const peer = await enrolled(adminA, {
      programId: program.id,
      physicianId: peerId,
      side: 'peer',
    });
    expectProblem(
      await put(peer.id, { version: 1, ranks: [] }, adminA),
      422,
      'rank-list-not-applicable',
      ['side'],
    );
    const cohort = await publishProgram(it$, adminA, cohortProgram());
    const cohortMentee = await enrolled(adminA, {
      programId: cohort.id,
      physicianId: e2,
      side: 'mentee',
      roles: ['career'],
    });
    expectProblem(
      await put(cohortMentee.id, { version: 1, ranks: [] }, adminA),
      422,
      'rank-list-not-applicable',
      ['programId'],
    );
  });

  it('freezes each list exactly once after the deadline, even with two sweeps racing', async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const mentorIds = await Promise.all(
      [0, 1].map(() => registerPhysician(it$, adminA, attending())),
    );
    const menteeId = await registerPhysician(it$, adminA, resident());
    const peerId = await registerPhysician(it$, adminA, resident());
    const mentors = [];
    for (const physicianId of mentorIds)
      mentors.push(
        await enrolled(adminA, {
          programId: program.id,
          physicianId,
          side: 'mentor',
          roles: ['career'],
        }),
      );
    const mentee = await enrolled(adminA, {
      programId: program.id,
      physicianId: menteeId,
      side: 'mentee',
      roles: ['career'],
    });
    const peer = await enrolled(adminA, {
      programId: program.id,
      physicianId: peerId,
      side: 'peer',
    });
    const ranks = [mentors[1].id, mentors[0].id];
    await it$.call('PUT', `${URL}/${mentee.id}/rank-list`, {
      token: adminA,
      body: { version: 1, ranks },
    });

    // A second replica: its own freezer over the same database.
    const own = it$.app.get(RankListFreezer);
    const replica = new RankListFreezer(
      it$.app.get(ProgramDeadlineRepository),
      it$.app.get(EnrollmentRepository),
      clock,
    );
    const due = Date.parse(program.cycle['rankListsDueAt']);
    // Just before the deadline: lists of earlier programs may freeze, not these.
    moveClock(new Date(due - 1));
    await own.sweep();
    for (const enrollment of [mentee, ...mentors])
      expect((await stored(enrollment.id))?.['rankList']).not.toHaveProperty('frozenAt');
    moveClock(new Date(due + 1000));
    const [a, b] = await Promise.all([own.sweep(), replica.sweep()]);
    // The app's own timer may sweep meanwhile; the events below prove each list froze once.
    expect(a + b).toBeLessThanOrEqual(3);
    expect(await replica.sweep()).toBe(0);

    const frozenAt = new Date(due + 1000).toISOString();
    for (const enrollment of [mentee, ...mentors]) {
      const doc = await it$.call<Enrollment>('GET', `${URL}/${enrollment.id}`, { token: adminA });
      expect(doc.body.rankList).toMatchObject({ frozenAt });
    }
    expect((await stored(peer.id))?.['rankList']).toBeUndefined();
    // Later events on the same key arrive after the frozen ones: then count them.
    for (const enrollment of [mentee, ...mentors])
      await it$.call('POST', `${URL}/${enrollment.id}/withdraw`, { token: adminA });
    for (const enrollment of [mentee, ...mentors])
      await waitFor(
        () =>
          events
            .about(TOPIC, enrollment.id)
            .some((event) => event.type === 'medmentor.profiles.enrollment.withdrawn'),
        { timeoutMs: 30_000, description: `the withdrawal of ${enrollment.id}` },
      );
    const frozen = (id: string) =>
      events
        .about(TOPIC, id)
        .filter((event) => event.type === 'medmentor.profiles.rank-list.frozen');
    expect(frozen(mentee.id)).toHaveLength(1);
    expect(frozen(mentee.id)[0]?.data).toMatchObject({
      ranks,
      frozenAt,
      side: 'mentee',
      version: 3,
    });
    for (const mentor of mentors) {
      expect(frozen(mentor.id)).toHaveLength(1);
      expect(frozen(mentor.id)[0]?.data).toMatchObject({ ranks: [], side: 'mentor' });
    }
    expect(frozen(peer.id)).toHaveLength(0);
  });

  it('finishes a freeze cut short by a crash, announcing each list once', async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const ids: string[] = [];
    for (const body of [resident(), resident(), attending()]) {
      const physicianId = await registerPhysician(it$, adminA, body);
      const side = body.careerStage.stage === 'resident' ? 'mentee' : 'mentor';
      ids.push(
        (await enrolled(adminA, { programId: program.id, physicianId, side, roles: ['career'] }))
          .id,
      );
    }
    const real = it$.app.get(EnrollmentRepository);
    let writes = 0;
    // A replica that dies after its first freeze: the write of the second never happens.
    const dying = Object.create(real) as EnrollmentRepository;
    dying.updateAtVersion = (...args) => {
      writes += 1;
      if (writes > 1) return Promise.reject(new Error('process killed'));
      return real.updateAtVersion(...args);
    };
    const due = Date.parse(program.cycle['rankListsDueAt']);
    moveClock(new Date(due));
    await expect(
      new RankListFreezer(it$.app.get(ProgramDeadlineRepository), dying, clock).sweep(),
    ).rejects.toThrow('process killed');
    const frozenNow = async () =>
      (await Promise.all(ids.map(stored))).filter(
        (doc) => (doc?.['rankList'] as { frozenAt?: Date } | undefined)?.frozenAt !== undefined,
      ).length;
    expect(await frozenNow()).toBe(1);

    await it$.app.get(RankListFreezer).sweep();
    expect(await frozenNow()).toBe(3);
    jest.restoreAllMocks();
    for (const id of ids) {
      await it$.call('POST', `${URL}/${id}/withdraw`, { token: adminA });
      const all = await waitFor(
        () => {
          const found = events.about(TOPIC, id);
          return found.some((event) => event.type === 'medmentor.profiles.enrollment.withdrawn')
            ? found
            : undefined;
        },
        { timeoutMs: 30_000, description: `the withdrawal of ${id}` },
      );
      expect(all.map((event) => event.type)).toEqual([
        'medmentor.profiles.enrollment.submitted',
        'medmentor.profiles.rank-list.frozen',
        'medmentor.profiles.enrollment.withdrawn',
      ]);
    }
  });

  it('rejects rank-list edits once frozen, even if the deadline moves later', async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const menteeId = await registerPhysician(it$, adminA, resident());
    const mentee = await enrolled(adminA, {
      programId: program.id,
      physicianId: menteeId,
      side: 'mentee',
      roles: ['career'],
    });
    moveClock(new Date(Date.parse(program.cycle['rankListsDueAt']) + 1));
    await it$.app.get(RankListFreezer).sweep();
    jest.restoreAllMocks();
    const later = await it$.call<{ version: number }>('GET', `/api/v1/programs/${program.id}`, {
      token: adminA,
    });
    const moved = await it$.call('PATCH', `/api/v1/programs/${program.id}`, {
      token: adminA,
      body: {
        version: later.body.version,
        cycle: { ...program.cycle, rankListsDueAt: new Date(Date.now() + 25 * DAY).toISOString() },
      },
    });
    expect(moved.status).toBe(200);
    expectProblem(
      await it$.call('PUT', `${URL}/${mentee.id}/rank-list`, {
        token: adminA,
        body: { version: 2, ranks: [] },
      }),
      409,
      'rank-list-frozen',
    );
  });

  it('withdraws the enrollments of an erased physician, with their events', async () => {
    const programs = await Promise.all([
      publishProgram(it$, adminA, nationalProgram()),
      publishProgram(it$, adminA, cohortProgram()),
    ]);
    const menteeId = await registerPhysician(it$, adminA, resident());
    const token = await physicianToken(menteeId);
    const ids: string[] = [];
    for (const program of programs)
      ids.push(
        (
          await enrolled(token, {
            programId: program.id,
            side: 'mentee',
            roles: ['career'],
            topics: ['job-search'],
          })
        ).id,
      );

    expect((await it$.call('DELETE', `/api/v1/physicians/${menteeId}`, { token })).status).toBe(
      204,
    );
    for (const id of ids) {
      const [, withdrawn] = await events.waitFor(TOPIC, id, 2);
      expect(withdrawn).toMatchObject({
        type: 'medmentor.profiles.enrollment.withdrawn',
        data: { enrollmentId: id, physicianId: menteeId },
      });
    }
    for (const id of ids) {
      const doc = await stored(id);
      expect(doc).toMatchObject({ status: 'withdrawn', topics: [] });
      expect(doc?.['profile']).toBeUndefined();
    }
  });

  it('keeps the search facts in step with profile changes', async () => {
    const program = await publishProgram(it$, adminA, cohortProgram());
    const menteeId = await registerPhysician(it$, adminA, resident({ interests: ['research'] }));
    const created = await enrolled(adminA, {
      programId: program.id,
      physicianId: menteeId,
      side: 'mentee',
      roles: ['career'],
    });
    const changed = await it$.call('PATCH', `/api/v1/physicians/${menteeId}`, {
      token: adminA,
      body: { version: 1, interests: ['wellness'] },
    });
    expect(changed.status).toBe(200);
    const url = `${URL}?programId=${program.id}&interest=wellness`;
    await waitFor(
      async () =>
        (await it$.call<PageBody<Enrollment>>('GET', url, { token: adminA })).body.items.length ===
        1,
      { timeoutMs: 30_000, description: 'the enrollment to follow the profile change' },
    );
    expect(
      (await it$.call<PageBody<Enrollment>>('GET', url, { token: adminA })).body.items[0]?.id,
    ).toBe(created.id);
  });

  it('keeps tenants apart on every enrollment endpoint', async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const menteeId = await registerPhysician(it$, adminA, resident());
    const mine = await enrolled(adminA, {
      programId: program.id,
      physicianId: menteeId,
      side: 'mentee',
      roles: ['career'],
    });
    const before = await stored(mine.id);
    const foreignPhysician = await registerPhysician(it$, adminB, resident());
    const foreignToken = await physicianToken(foreignPhysician, tenantB);

    for (const token of [adminB, foreignToken]) {
      expectProblem(
        await it$.call('GET', `${URL}/${mine.id}`, { token }),
        404,
        'enrollment-not-found',
      );
      expectProblem(
        await it$.call('PATCH', `${URL}/${mine.id}`, { token, body: { version: 1, topics: [] } }),
        404,
        'enrollment-not-found',
      );
      expectProblem(
        await it$.call('POST', `${URL}/${mine.id}/withdraw`, { token }),
        404,
        'enrollment-not-found',
      );
      expectProblem(
        await it$.call('PUT', `${URL}/${mine.id}/rank-list`, {
          token,
          body: { version: 1, ranks: [] },
        }),
        404,
        'enrollment-not-found',
      );
      const page = await it$.call<PageBody<Enrollment>>('GET', `${URL}?limit=100`, { token });
      expect(
        page.body.items.map((item) => item.tenantId).every((tenant) => tenant === tenantB),
      ).toBe(true);
      expect(
        (await it$.call<PageBody<Enrollment>>('GET', `${URL}?programId=${program.id}`, { token }))
          .body.items,
      ).toEqual([]);
    }
    // Another tenant's program and physicians do not exist for B.
    expectProblem(
      await enroll(foreignToken, { programId: program.id, side: 'mentee', roles: ['career'] }),
      404,
      'program-not-found',
    );
    const programB = await publishProgram(it$, adminB, nationalProgram());
    expectProblem(
      await enroll(adminB, {
        programId: programB.id,
        physicianId: menteeId,
        side: 'mentee',
        roles: ['career'],
      }),
      404,
      'physician-not-found',
    );
    const b = await enrolled(foreignToken, {
      programId: programB.id,
      side: 'mentee',
      roles: ['career'],
    });
    expectProblem(
      await enroll(foreignToken, {
        programId: programB.id,
        side: 'mentee',
        roles: ['career'],
        preferences: { exclusions: [menteeId] },
      }),
      422,
      'enrollment-invalid',
      ['preferences.exclusions[0]'],
    );
    expectProblem(
      await it$.call('PUT', `${URL}/${b.id}/rank-list`, {
        token: foreignToken,
        body: { version: 1, ranks: [mine.id] },
      }),
      422,
      'rank-list-invalid',
      ['ranks[0]'],
    );
    expect(await stored(mine.id)).toEqual(before);
  });
});
