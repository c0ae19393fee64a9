import { Topics } from '@medmentor/contracts';
import { uniqueName } from '@medmentor/testing';
import type { TenantView } from '../src/tenants/dto/tenant-view.dto';
import { TenantsModule } from '../src/tenants/tenants.module';
import { EventLog, fieldsOf, ProfilesTestApp, type Json, type PageBody } from './profiles-test-app';

type Tenant = Json<TenantView>;

const TOPIC = Topics.ProfilesTenant;

describe('tenants over HTTP (real Kafka and MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  let events: EventLog;
  let platformAdmin: string;

  beforeAll(async () => {
    it$ = await ProfilesTestApp.start([TenantsModule]);
    events = await EventLog.start([TOPIC]);
    platformAdmin = await it$.token(undefined, ['platform-admin']);
  });

  afterAll(async () => {
    await events?.stop();
    await it$?.close();
  });

  const healthSystem = (overrides: Record<string, unknown> = {}) => ({
    name: 'Lakeside Health',
    slug: uniqueName('lakeside'),
    kind: 'health-system',
    timeZone: 'America/Chicago',
    hospitals: [
      {
        name: 'Lakeside North',
        departments: [{ name: 'Cardiology' }, { id: 'surgery-north', name: 'Surgery' }],
      },
      { id: 'south', name: 'Lakeside South' },
    ],
    ...overrides,
  });

  const register = async (body: Record<string, unknown>): Promise<Tenant> => {
    const reply = await it$.call<Tenant>('POST', '/api/v1/tenants', { token: platformAdmin, body });
    expect(reply.status).toBe(201);
    return reply.body;
  };

  it('registers a health system with its hospitals and departments and announces it once', async () => {
    const body = healthSystem();
    const reply = await it$.call<Tenant>('POST', '/api/v1/tenants', { token: platformAdmin, body });
    expect(reply.status).toBe(201);
    const tenant = reply.body;
    expect(tenant).toMatchObject({
      name: 'Lakeside Health',
      slug: body.slug,
      kind: 'health-system',
      timeZone: 'America/Chicago',
      status: 'active',
      version: 1,
    });
    expect(tenant.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(tenant.hospitals).toEqual([
      {
        id: expect.any(String),
        name: 'Lakeside North',
        departments: [
          { id: expect.any(String), name: 'Cardiology' },
          { id: 'surgery-north', name: 'Surgery' },
        ],
      },
      { id: 'south', name: 'Lakeside South', departments: [] },
    ]);

    const [event] = await events.waitFor(TOPIC, tenant.id, 1);
    expect(event).toMatchObject({
      type: 'medmentor.profiles.tenant.registered',
      key: tenant.id,
      tenantId: tenant.id,
    });
    expect(event.data).toEqual({
      tenantId: tenant.id,
      name: 'Lakeside Health',
      slug: body.slug,
      kind: 'health-system',
      timeZone: 'America/Chicago',
      status: 'active',
      hospitals: tenant.hospitals,
      version: 1,
    });
    await it$.outboxDrained('tenants');
    expect(events.about(TOPIC, tenant.id)).toHaveLength(1);
  });

  it('registers a society under an id chosen to match the identity provider, with UTC by default', async () => {
    const id = uniqueName('society');
    const tenant = await register({
      id,
      name: 'Society of Hospital Medicine',
      slug: uniqueName('shm'),
      kind: 'specialty-society',
    });
    expect(tenant).toMatchObject({ id, timeZone: 'UTC', hospitals: [] });
    const again = await it$.call('POST', '/api/v1/tenants', {
      token: platformAdmin,
      body: { id, name: 'Copy', slug: uniqueName('copy'), kind: 'specialty-society' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'tenant-id-taken', status: 409 });
  });

  it('refuses a taken slug with 409 and stores nothing', async () => {
    const first = await register(healthSystem());
    const before = await it$.connection.collection('tenants').countDocuments();
    const reply = await it$.call('POST', '/api/v1/tenants', {
      token: platformAdmin,
      body: healthSystem({ slug: first.slug }),
    });
    expect(reply.status).toBe(409);
    expect(reply.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(reply.body).toMatchObject({
      code: 'tenant-slug-taken',
      errors: [{ field: 'slug', message: 'is already taken' }],
    });
    expect(await it$.connection.collection('tenants').countDocuments()).toBe(before);
  });

  it('names every invalid field with 400 problem+json and stores nothing', async () => {
    const before = await it$.connection.collection('tenants').countDocuments();
    const cases: [Record<string, unknown>, string[]][] = [
      [healthSystem({ slug: 'Not A Slug' }), ['slug']],
      [healthSystem({ timeZone: 'EST' }), ['timeZone']],
      [healthSystem({ kind: 'hospital', admin: true }), ['admin', 'kind']],
      [{ ...healthSystem(), kind: 'specialty-society' }, ['hospitals']],
      [
        healthSystem({
          hospitals: [{ id: 'x', name: 'A', departments: [{ id: 'x', name: 'B' }] }],
        }),
        ['hospitals[0].departments[0].id'],
      ],
      [
        healthSystem({ name: '', hospitals: [{ name: 'A' }, { name: 'a' }] }),
        ['hospitals[1].name', 'name'],
      ],
      [healthSystem({ id: 'has space' }), ['id']],
    ];
    for (const [body, fields] of cases) {
      const reply = await it$.call('POST', '/api/v1/tenants', { token: platformAdmin, body });
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('validation-failed');
      expect(fieldsOf(reply.body).sort()).toEqual(fields);
    }
    const malformed = await it$.call('POST', '/api/v1/tenants', {
      token: platformAdmin,
      headers: { 'content-type': 'application/json' },
      body: undefined,
    });
    expect(malformed.status).toBe(400);
    expect(await it$.connection.collection('tenants').countDocuments()).toBe(before);
  });

  it('lets only a platform admin register and list tenants', async () => {
    const tenant = await register(healthSystem());
    const orgAdmin = await it$.token(tenant.id, ['org-admin']);
    expect(
      (await it$.call('POST', '/api/v1/tenants', { token: orgAdmin, body: healthSystem() })).status,
    ).toBe(403);
    expect((await it$.call('GET', '/api/v1/tenants', { token: orgAdmin })).status).toBe(403);
    expect((await it$.call('GET', '/api/v1/tenants')).status).toBe(401);
  });

  it('pages through tenants newest first with an opaque cursor and filters by kind', async () => {
    const created: { id: string }[] = [];
    for (let n = 0; n < 3; n += 1)
      created.push(
        await register({
          name: `Society ${n}`,
          slug: uniqueName(`soc${n}`),
          kind: 'specialty-society',
        }),
      );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/tenants?kind=specialty-society&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await it$.call<PageBody<Tenant>>('GET', url, { token: platformAdmin });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const item of page.body.items) expect(item.kind).toBe('specialty-society');
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(seen.length);
    const mine = seen.filter((id) => created.some((t) => t.id === id));
    expect(mine).toEqual(created.map((t) => t.id).reverse());

    for (const [query, field] of [
      ['limit=101', 'limit'],
      ['limit=0', 'limit'],
      ['cursor=abc', 'cursor'],
      ['kind=club', 'kind'],
      ['sort=name', 'sort'],
    ]) {
      const bad = await it$.call('GET', `/api/v1/tenants?${query}`, { token: platformAdmin });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual([field]);
    }
  });

  it("shows a tenant to its own members and 404 to everyone else's", async () => {
    const mine = await register(healthSystem());
    const other = await register(healthSystem());
    for (const role of ['org-admin', 'program-admin', 'mentor', 'mentee'] as const) {
      const token = await it$.token(mine.id, [role]);
      const own = await it$.call<Tenant>('GET', `/api/v1/tenants/${mine.id}`, { token });
      expect(own.status).toBe(200);
      expect(own.body.id).toBe(mine.id);
      const foreign = await it$.call('GET', `/api/v1/tenants/${other.id}`, { token });
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('tenant-not-found');
    }
    expect(
      (await it$.call('GET', `/api/v1/tenants/${other.id}`, { token: platformAdmin })).status,
    ).toBe(200);
    expect(
      (await it$.call('GET', `/api/v1/tenants/${uniqueName('missing')}`, { token: platformAdmin }))
        .status,
    ).toBe(404);
  });

  it('lets an org admin change its own hospitals with the version it read, and announces the new state', async () => {
    const tenant = await register(healthSystem());
    const orgAdmin = await it$.token(tenant.id, ['org-admin']);
    const [north, south] = tenant.hospitals;
    const hospitals = [
      {
        id: north.id,
        name: 'Lakeside North',
        departments: [...north.departments, { name: 'Pediatrics' }],
      },
      { id: south.id, name: 'Lakeside South Campus', departments: [] },
    ];
    const reply = await it$.call<Tenant>('PATCH', `/api/v1/tenants/${tenant.id}`, {
      token: orgAdmin,
      body: { version: 1, hospitals, timeZone: 'America/New_York' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ version: 2, timeZone: 'America/New_York' });
    expect(reply.body.hospitals[0].departments.map((d) => d.name)).toEqual([
      'Cardiology',
      'Surgery',
      'Pediatrics',
    ]);
    expect(reply.body.hospitals[0].departments.slice(0, 2)).toEqual(north.departments);
    expect(reply.body.hospitals[1]).toEqual({
      id: south.id,
      name: 'Lakeside South Campus',
      departments: [],
    });

    const stale = await it$.call('PATCH', `/api/v1/tenants/${tenant.id}`, {
      token: orgAdmin,
      body: { version: 1, name: 'Stale' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version-conflict', errors: [{ field: 'version' }] });

    const forbidden = await it$.call('PATCH', `/api/v1/tenants/${tenant.id}`, {
      token: orgAdmin,
      body: { version: 2, status: 'suspended' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('tenant-field-forbidden');

    const empty = await it$.call('PATCH', `/api/v1/tenants/${tenant.id}`, {
      token: orgAdmin,
      body: { version: 2 },
    });
    expect(empty.status).toBe(400);

    const invalid = await it$.call('PATCH', `/api/v1/tenants/${tenant.id}`, {
      token: orgAdmin,
      body: { version: 2, timeZone: 'Mars/Base' },
    });
    expect(invalid.status).toBe(400);
    expect(fieldsOf(invalid.body)).toEqual(['timeZone']);

    const current = await it$.call<Tenant>('GET', `/api/v1/tenants/${tenant.id}`, {
      token: orgAdmin,
    });
    expect(current.body).toEqual(reply.body);

    const [registered, updated] = await events.waitFor(TOPIC, tenant.id, 2);
    expect(registered.type).toBe('medmentor.profiles.tenant.registered');
    expect(updated.type).toBe('medmentor.profiles.tenant.updated');
    expect(updated.data).toMatchObject({
      tenantId: tenant.id,
      version: 2,
      timeZone: 'America/New_York',
      hospitals: reply.body.hospitals,
    });
    await it$.outboxDrained('tenants');
    expect(events.about(TOPIC, tenant.id)).toHaveLength(2);
  });

  it("gives an org admin 404 for another tenant's update, and lets a platform admin suspend it", async () => {
    const mine = await register(healthSystem());
    const other = await register(healthSystem());
    const orgAdmin = await it$.token(mine.id, ['org-admin']);
    const foreign = await it$.call('PATCH', `/api/v1/tenants/${other.id}`, {
      token: orgAdmin,
      body: { version: 1, name: 'Taken over' },
    });
    expect(foreign.status).toBe(404);

    const suspended = await it$.call<Tenant>('PATCH', `/api/v1/tenants/${other.id}`, {
      token: platformAdmin,
      body: { version: 1, status: 'suspended' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      status: 'suspended',
      version: 2,
      name: 'Lakeside Health',
    });

    const society = await it$.call('PATCH', `/api/v1/tenants/${other.id}`, {
      token: platformAdmin,
      body: { version: 2, slug: mine.slug },
    });
    expect(society.status).toBe(409);
    expect(society.body.code).toBe('tenant-slug-taken');
    const unchanged = await it$.call<Tenant>('GET', `/api/v1/tenants/${other.id}`, {
      token: platformAdmin,
    });
    expect(unchanged.body).toMatchObject({ slug: other.slug, version: 2 });
  });
});
