import { Topics } from '@medmentor/contracts';
import type { Role } from '@medmentor/auth';
import { npiCheckDigit } from '@medmentor/domain';
import { uniqueName } from '@medmentor/testing';
import type { PhysicianView } from '../src/physicians/dto/physician-view.dto';
import { PhysiciansModule } from '../src/physicians/physicians.module';
import { TenantsModule } from '../src/tenants/tenants.module';
import { EventLog, fieldsOf, ProfilesTestApp, type Json, type PageBody } from './profiles-test-app';

type Physician = Json<PhysicianView>;

const TOPIC = Topics.ProfilesPhysician;
const URL = '/api/v1/physicians';

let npiCounter = Math.floor(Math.random() * 1e7);
/** A fresh NPI that passes the Luhn check over the 80840 prefix. */
const newNpi = (): string => {
  npiCounter += 1;
  const first9 = `1${String(npiCounter % 1e8).padStart(8, '0')}`;
  return `${first9}${npiCheckDigit(first9)}`;
};

describe('physicians over HTTP (real Kafka and MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  let events: EventLog;
  let tenantA: string;
  let tenantB: string;
  let adminA: string;
  let adminB: string;

  const physicianToken = (
    tenantId: string,
    physicianId: string,
    roles: Role[] = ['mentee'],
  ): Promise<string> => it$.token(tenantId, roles, { physicianId });

  const registerTenant = async (platformAdmin: string): Promise<string> => {
    const id = uniqueName('society');
    const reply = await it$.call('POST', '/api/v1/tenants', {
      token: platformAdmin,
      body: { id, name: 'Society', slug: uniqueName('soc'), kind: 'specialty-society' },
    });
    expect(reply.status).toBe(201);
    return id;
  };

  beforeAll(async () => {
    it$ = await ProfilesTestApp.start([TenantsModule, PhysiciansModule]);
    events = await EventLog.start([TOPIC]);
    const platformAdmin = await it$.token(undefined, ['platform-admin']);
    tenantA = await registerTenant(platformAdmin);
    tenantB = await registerTenant(platformAdmin);
    adminA = await it$.token(tenantA, ['org-admin']);
    adminB = await it$.token(tenantB, ['org-admin']);
  });

  afterAll(async () => {
    await events?.stop();
    await it$?.close();
  });

  const profile = (overrides: Record<string, unknown> = {}) => ({
    givenName: 'Ana',
    familyName: 'García',
    email: `${uniqueName('ana')}@Example.org`,
    phone: '+15551234567',
    npi: newNpi(),
    specialty: 'internal-medicine',
    careerStage: { stage: 'resident', pgy: 2 },
    institution: 'Lakeside Medical Center',
    location: { city: 'Chicago', region: 'IL', country: 'US' },
    timeZone: 'America/Chicago',
    languages: ['en', 'es'],
    interests: ['research', 'education'],
    goals: ['Publish a first paper'],
    bio: 'Second-year resident.',
    availability: [{ day: 'tue', start: '18:00', end: '20:00' }],
    mentoringCapacity: 1,
    ...overrides,
  });

  const create = async (body: Record<string, unknown>, token = adminA): Promise<Physician> => {
    const reply = await it$.call<Physician>('POST', URL, { token, body });
    expect(reply.status).toBe(201);
    return reply.body;
  };

  const count = () => it$.connection.collection('physicians').countDocuments();

  it('registers a profile and announces it once, without NPI, phone, bio or goals', async () => {
    const body = profile();
    const created = await create(body);
    expect(created).toMatchObject({
      view: 'admin',
      status: 'active',
      version: 1,
      email: body.email.toLowerCase(),
      npi: body.npi,
      givenName: 'Ana',
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);

    const [event] = await events.waitFor(TOPIC, created.id, 1);
    expect(event).toMatchObject({
      type: 'medmentor.profiles.physician.registered',
      key: created.id,
      tenantId: tenantA,
    });
    expect(event.data).toEqual({
      physicianId: created.id,
      tenantId: tenantA,
      displayName: 'Ana García',
      email: body.email.toLowerCase(),
      emailVisibleToMatches: false,
      timeZone: 'America/Chicago',
      languages: ['en', 'es'],
      availability: body.availability,
      specialty: 'internal-medicine',
      careerStage: { stage: 'resident', pgy: 2 },
      interests: ['research', 'education'],
      practiceSetting: {},
      mentoringCapacity: 1,
      takingBreak: false,
      mentorTraining: { completed: false },
      institution: 'Lakeside Medical Center',
      reportingLine: { supervisorIds: [], evaluatorIds: [] },
      country: 'US',
      region: 'IL',
      version: 1,
    });
    await it$.outboxDrained('physicians');
    expect(events.about(TOPIC, created.id)).toHaveLength(1);
  });

  it('refuses a taken email or NPI in the tenant with 409 naming the field, and stores nothing', async () => {
    const first = await create(profile());
    const before = await count();
    const email = await it$.call('POST', URL, {
      token: adminA,
      body: profile({ email: first.email!.toUpperCase() }),
    });
    expect(email.status).toBe(409);
    expect(email.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(email.body).toMatchObject({
      code: 'physician-email-taken',
      errors: [{ field: 'email' }],
    });
    const npi = await it$.call('POST', URL, { token: adminA, body: profile({ npi: first.npi }) });
    expect(npi.status).toBe(409);
    expect(npi.body).toMatchObject({ code: 'physician-npi-taken', errors: [{ field: 'npi' }] });
    expect(await count()).toBe(before);
    // Natural keys are per tenant; students without an NPI never collide.
    await create(profile({ email: first.email, npi: first.npi }), adminB);
    const { npi: _a, ...s1 } = profile({ careerStage: { stage: 'student' } });
    const { npi: _b, ...s2 } = profile({ careerStage: { stage: 'student' } });
    await create(s1);
    await create(s2);
  });

  it('names every invalid field with 400 problem+json and stores nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string[]][] = [
      [profile({ npi: '1234567890' }), ['npi']],
      [profile({ specialty: 'wizardry', timeZone: 'EST' }), ['specialty', 'timeZone']],
      [profile({ role: 'admin' }), ['role']],
      [
        profile({ availability: [{ day: 'mon', start: '10:00', end: '09:00' }] }),
        ['availability[0].end'],
      ],
      [profile({ hospitalId: 'nowhere' }), ['hospitalId']],
    ];
    for (const [body, fields] of cases) {
      const reply = await it$.call('POST', URL, { token: adminA, body });
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('validation-failed');
      expect(fieldsOf(reply.body).sort()).toEqual(fields);
    }
    expect(await count()).toBe(before);
    expect(
      (
        await it$.call('POST', URL, {
          token: await it$.token(tenantA, ['mentor']),
          body: profile(),
        })
      ).status,
    ).toBe(403);
  });

  it('lets the physician change their profile with the version they read, and announces it', async () => {
    const created = await create(profile());
    const self = await physicianToken(tenantA, created.id);
    const reply = await it$.call<Physician>('PATCH', `${URL}/${created.id}`, {
      token: self,
      body: {
        version: 1,
        bio: 'Now in PGY-3.',
        careerStage: { stage: 'resident', pgy: 3 },
        phone: null,
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      view: 'self',
      version: 2,
      bio: 'Now in PGY-3.',
      careerStage: { stage: 'resident', pgy: 3 },
    });
    expect(reply.body).not.toHaveProperty('phone');
    const me = await it$.call<Physician>('GET', `${URL}/me`, { token: self });
    expect(me.body).toEqual(reply.body);

    const stale = await it$.call('PATCH', `${URL}/${created.id}`, {
      token: self,
      body: { version: 1, bio: 'Stale' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version-conflict', errors: [{ field: 'version' }] });

    const invalid = await it$.call('PATCH', `${URL}/${created.id}`, {
      token: self,
      body: { version: 2, npi: null, timeZone: 'Mars/Base' },
    });
    expect(invalid.status).toBe(400);
    expect(fieldsOf(invalid.body)).toEqual(['timeZone']);
    const noNpi = await it$.call('PATCH', `${URL}/${created.id}`, {
      token: self,
      body: { version: 2, npi: null },
    });
    expect(noNpi.status).toBe(400);
    expect(fieldsOf(noNpi.body)).toEqual(['npi']);

    const adminOnly = await it$.call('PATCH', `${URL}/${created.id}`, {
      token: self,
      body: { version: 2, mentorTraining: { completed: true } },
    });
    expect(adminOnly.status).toBe(403);
    const other = await it$.call('PATCH', `${URL}/${created.id}`, {
      token: await physicianToken(tenantA, uniqueName('x'), ['mentor']),
      body: { version: 2, bio: 'Hacked' },
    });
    expect(other.status).toBe(403);
    const programAdmin = await it$.call('PATCH', `${URL}/${created.id}`, {
      token: await it$.token(tenantA, ['program-admin']),
      body: { version: 2, bio: 'x' },
    });
    expect(programAdmin.status).toBe(403);

    const taken = await create(profile());
    const dup = await it$.call('PATCH', `${URL}/${created.id}`, {
      token: adminA,
      body: { version: 2, email: taken.email },
    });
    expect(dup.status).toBe(409);
    expect(fieldsOf(dup.body)).toEqual(['email']);

    const unchanged = await it$.call<Physician>('GET', `${URL}/${created.id}`, { token: self });
    expect(unchanged.body).toEqual(reply.body);

    const trained = await it$.call<Physician>('PATCH', `${URL}/${created.id}`, {
      token: adminA,
      body: { version: 2, mentorTraining: { completed: true, completedAt: '2026-01-15' } },
    });
    expect(trained.status).toBe(200);
    expect(trained.body.version).toBe(3);

    const [, updated, second] = await events.waitFor(TOPIC, created.id, 3);
    expect(updated.type).toBe('medmentor.profiles.physician.updated');
    expect(updated.data).toMatchObject({ version: 2, careerStage: { stage: 'resident', pgy: 3 } });
    expect(second.data).toMatchObject({
      version: 3,
      mentorTraining: { completed: true, completedAt: '2026-01-15' },
    });
    for (const event of events.about(TOPIC, created.id)) {
      for (const secret of ['npi', 'phone', 'bio', 'goals'])
        expect(event.data).not.toHaveProperty(secret);
    }
    await it$.outboxDrained('physicians');
    expect(events.about(TOPIC, created.id)).toHaveLength(3);
  });

  it('shows each reader what the privacy settings allow', async () => {
    const body = profile({ privacy: { visibleToMatches: ['bio'], visibleToAdmins: ['email'] } });
    const created = await create(body);
    expect(created).not.toHaveProperty('npi');
    const self = await it$.call<Physician>('GET', `${URL}/${created.id}`, {
      token: await physicianToken(tenantA, created.id),
    });
    expect(self.body).toMatchObject({
      view: 'self',
      npi: body.npi,
      phone: '+15551234567',
      bio: 'Second-year resident.',
    });

    const admin = await it$.call<Physician>('GET', `${URL}/${created.id}`, {
      token: await it$.token(tenantA, ['program-admin']),
    });
    expect(admin.body).toMatchObject({
      view: 'admin',
      givenName: 'Ana',
      specialty: 'internal-medicine',
      careerStage: { stage: 'resident', pgy: 2 },
      status: 'active',
      email: created.email,
    });
    for (const hidden of ['phone', 'npi', 'bio', 'goals', 'location', 'availability'])
      expect(admin.body).not.toHaveProperty(hidden);

    const mentor = await it$.call<Physician>('GET', `${URL}/${created.id}`, {
      token: await physicianToken(tenantA, uniqueName('m'), ['mentor']),
    });
    expect(mentor.status).toBe(200);
    expect(Object.keys(mentor.body).sort()).toEqual(
      [
        'bio',
        'careerStage',
        'familyName',
        'givenName',
        'id',
        'institution',
        'interests',
        'languages',
        'specialty',
        'status',
        'view',
      ].sort(),
    );

    expect(
      (await it$.call('GET', `${URL}/me`, { token: await it$.token(tenantA, ['mentor']) })).status,
    ).toBe(404);
  });

  it('tells the other services when a physician lets their matches see their email', async () => {
    const created = await create(profile());
    const self = await physicianToken(tenantA, created.id);
    const shared = await it$.call<Physician>('PATCH', `${URL}/${created.id}`, {
      token: self,
      body: { version: 1, privacy: { visibleToMatches: ['email', 'bio'], visibleToAdmins: [] } },
    });
    expect(shared.status).toBe(200);
    const mentor = await it$.call<Physician>('GET', `${URL}/${created.id}`, {
      token: await physicianToken(tenantA, uniqueName('m'), ['mentor']),
    });
    expect(mentor.body).toMatchObject({ email: created.email });

    const [registered, updated] = await events.waitFor(TOPIC, created.id, 2);
    expect(registered.data).toMatchObject({ emailVisibleToMatches: false, version: 1 });
    expect(updated.data).toMatchObject({ emailVisibleToMatches: true, version: 2 });
  });

  it("keeps tenants apart: another tenant's ids are 404 and never listed", async () => {
    const mine = await create(profile());
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { version: 1, bio: 'x' }],
      ['DELETE', undefined],
    ] as const) {
      const reply = await it$.call(method, `${URL}/${mine.id}`, {
        token: adminB,
        ...(body && { body }),
      });
      expect(reply.status).toBe(404);
      expect(reply.body.code).toBe('physician-not-found');
    }
    const page = await it$.call<PageBody<Physician>>('GET', `${URL}?limit=100`, { token: adminB });
    expect(page.body.items.some((item) => item.id === mine.id)).toBe(false);
    const still = await it$.call<Physician>('GET', `${URL}/${mine.id}`, { token: adminA });
    expect(still.body).toMatchObject({ version: 1, status: 'active' });
  });

  it('lists with filters and keyset pages, admins only', async () => {
    const cardio = uniqueName('cardio');
    const made: Physician[] = [];
    for (let n = 0; n < 3; n += 1) {
      made.push(
        await create(
          profile({
            specialty: 'internal-medicine.cardiovascular-disease',
            subspecialty: undefined,
            institution: cardio,
            careerStage: { stage: 'fellow' },
            languages: ['fr'],
            takingBreak: n === 1,
          }),
        ),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${URL}?specialty=internal-medicine.cardiovascular-disease&stage=fellow&language=fr&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await it$.call<PageBody<Physician>>('GET', url, { token: adminA });
      expect(page.status).toBe(200);
      for (const item of page.body.items)
        expect(item).toMatchObject({
          view: 'admin',
          specialty: 'internal-medicine.cardiovascular-disease',
        });
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(made.map((p) => p.id).reverse());

    const onBreak = await it$.call<PageBody<Physician>>(
      'GET',
      `${URL}?language=fr&takingBreak=true&interest=research&country=US&timeZone=America/Chicago`,
      { token: adminA },
    );
    expect(onBreak.body.items.map((item) => item.id)).toEqual([made[1].id]);

    for (const [query, field] of [
      ['stage=intern', 'stage'],
      ['takingBreak=yes', 'takingBreak'],
      ['cursor=abc', 'cursor'],
      ['sort=name', 'sort'],
    ]) {
      const bad = await it$.call('GET', `${URL}?${query}`, { token: adminA });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual([field]);
    }
    expect(
      (await it$.call('GET', URL, { token: await it$.token(tenantA, ['mentor']) })).status,
    ).toBe(403);
  });

  it('erases a profile in one update, announces it once with ids only, and frees the email and NPI', async () => {
    const created = await create(profile());
    const self = await physicianToken(tenantA, created.id);
    expect(
      (
        await it$.call('DELETE', `${URL}/${created.id}`, {
          token: await physicianToken(tenantA, uniqueName('o'), ['mentor']),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await it$.call('DELETE', `${URL}/${created.id}`, {
          token: await it$.token(tenantA, ['program-admin']),
        })
      ).status,
    ).toBe(403);

    const erased = await it$.call('DELETE', `${URL}/${created.id}`, { token: self });
    expect(erased.status).toBe(204);

    const raw = await it$.connection.collection('physicians').findOne(
      { _id: created.id as never },
      {
        projection: { _outbox: 0, _outboxPending: 0, _outboxLockedBy: 0, _outboxLockedUntil: 0 },
      },
    );
    expect(raw).toEqual({
      _id: created.id,
      tenantId: tenantA,
      status: 'erased',
      erasedAt: expect.any(Date),
      email: `erased:${created.id}`,
      npiKey: `erased:${created.id}`,
    });

    const [registered, event] = await events.waitFor(TOPIC, created.id, 2);
    expect(registered.type).toBe('medmentor.profiles.physician.registered');
    expect(event).toMatchObject({
      type: 'medmentor.profiles.physician.erased',
      key: created.id,
      tenantId: tenantA,
    });
    expect(event.data).toEqual({ physicianId: created.id, tenantId: tenantA });
    await it$.outboxDrained('physicians');
    expect(events.about(TOPIC, created.id)).toHaveLength(2);

    expect((await it$.call('DELETE', `${URL}/${created.id}`, { token: adminA })).status).toBe(404);
    expect((await it$.call('GET', `${URL}/${created.id}`, { token: adminA })).status).toBe(404);
    expect((await it$.call('GET', `${URL}/me`, { token: self })).status).toBe(404);
    const page = await it$.call<PageBody<Physician>>('GET', `${URL}?limit=100`, { token: adminA });
    expect(page.body.items.some((item) => item.id === created.id)).toBe(false);

    const again = await create(profile({ email: created.email, npi: created.npi }));
    expect(again.id).not.toBe(created.id);
  });
});
