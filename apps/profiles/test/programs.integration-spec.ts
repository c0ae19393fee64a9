import { Topics } from '@medmentor/contracts';
import { uniqueName } from '@medmentor/testing';
import type { ProgramView } from '../src/programs/program.mapper';
import { ProgramsModule } from '../src/programs/programs.module';
import {
  EventLog,
  fieldsOf,
  ProfilesTestApp,
  type Json,
  type PageBody,
  type Problem,
} from './profiles-test-app';

type Program = Json<Omit<ProgramView, 'cycle'>> & { cycle: Record<string, string | undefined> };
/** A transition answers the program, or a problem. */
type Outcome = Program & Partial<Omit<Problem, 'status'>>;

const TOPIC = Topics.ProfilesProgram;

const cohortProgram = (overrides: Record<string, unknown> = {}) => ({
  name: 'From residency to first attending job',
  description: 'Career mentorship for graduating residents.',
  objectives: ['job-search', 'custom'],
  customObjectives: ['Negotiate a first contract'],
  kind: 'institutional',
  matchingMode: 'cohort',
  cycle: {
    enrollmentOpensAt: '2026-09-01T00:00:00Z',
    enrollmentClosesAt: '2026-09-30T23:59:59-05:00',
    matchDate: '2026-10-15T12:00:00Z',
  },
  rolesOffered: [
    { role: 'career', perMentee: 1 },
    { role: 'peer', perMentee: 2 },
  ],
  scoringWeights: { specialty: 0.5, careerStage: 0.2, interests: 0.3 },
  eligibility: {
    mentees: { careerStages: ['resident', 'fellow'], specialties: ['internal-medicine'] },
    mentors: { careerStages: ['early-career', 'mid-career', 'senior'] },
  },
  requirements: { mentorTrainingCompleted: true },
  cadence: [{ every: 'month', while: 'job-searching' }, { every: 'quarter' }],
  kickoffWindowDays: 10,
  reminderOffsetsMinutes: [2880, 30],
  ...overrides,
});

describe('programs over HTTP (real Kafka and MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  let events: EventLog;
  let tenantA: string;
  let tenantB: string;
  let adminA: string;
  let programAdminA: string;
  let adminB: string;

  beforeAll(async () => {
    it$ = await ProfilesTestApp.start([ProgramsModule]);
    events = await EventLog.start([TOPIC]);
    const platformAdmin = await it$.token(undefined, ['platform-admin']);
    const register = async (kind: string) => {
      const reply = await it$.call<{ id: string }>('POST', '/api/v1/tenants', {
        token: platformAdmin,
        body: { name: `Tenant ${kind}`, slug: uniqueName('t'), kind },
      });
      expect(reply.status).toBe(201);
      return reply.body.id;
    };
    tenantA = await register('health-system');
    tenantB = await register('specialty-society');
    adminA = await it$.token(tenantA, ['org-admin']);
    programAdminA = await it$.token(tenantA, ['program-admin']);
    adminB = await it$.token(tenantB, ['org-admin']);
  });

  afterAll(async () => {
    await events?.stop();
    await it$?.close();
  });

  const create = async (
    token: string,
    body: Record<string, unknown> = cohortProgram(),
  ): Promise<Program> => {
    const reply = await it$.call<Program>('POST', '/api/v1/programs', { token, body });
    expect(reply.status).toBe(201);
    return reply.body;
  };
  const act = (token: string, id: string, action: string) =>
    it$.call<Outcome>('POST', `/api/v1/programs/${id}/${action}`, { token });
  const stored = (id: string) =>
    it$.connection
      .collection('programs')
      .findOne({ _id: id as never }, { projection: { _outbox: 0 } });

  it('creates a draft with defaults, announcing nothing until it is published', async () => {
    const reply = await it$.call<Program>('POST', '/api/v1/programs', {
      token: programAdminA,
      body: { name: 'Wellness circle', kind: 'institutional', matchingMode: 'self-match' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      tenantId: tenantA,
      status: 'draft',
      version: 1,
      allowedActions: ['publish'],
      objectives: [],
      cycle: {},
      rolesOffered: [{ role: 'clinical', perMentee: 1 }],
      scoringWeights: { specialty: 0.3, careerStage: 0.15, availability: 0.1 },
      eligibility: {
        mentees: { careerStages: [], specialties: [] },
        mentors: { careerStages: [], specialties: [] },
      },
      requirements: { mentorTrainingCompleted: false },
      cadence: [{ every: 'month', count: 6 }, { every: 'quarter' }],
      kickoffWindowDays: 14,
      reminderOffsetsMinutes: [1440, 60],
    });
    const draft = reply.body;
    const changed = await it$.call<Program>('PATCH', `/api/v1/programs/${draft.id}`, {
      token: programAdminA,
      body: { version: 1, description: 'Peer support' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, description: 'Peer support' });
    expect(await stored(draft.id)).toMatchObject({ version: 2, _outboxPending: false });
    expect(events.about(TOPIC, draft.id)).toEqual([]);
  });

  it('publishes, starts matching, activates and closes a cohort program, each event once with a valid payload', async () => {
    const program = await create(adminA);
    expect(program.scoringWeights).toEqual({
      specialty: 0.5,
      careerStage: 0.2,
      interests: 0.3,
      goals: 0,
      practiceSetting: 0,
      geography: 0,
      language: 0,
      availability: 0,
    });
    expect(program.cycle.enrollmentClosesAt).toBe('2026-10-01T04:59:59.000Z');

    const published = await act(adminA, program.id, 'publish');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      status: 'open',
      version: 2,
      allowedActions: ['start-matching', 'close'],
    });
    expect(published.body.publishedAt).toEqual(expect.any(String));
    const matching = await act(programAdminA, program.id, 'start-matching');
    expect(matching.body).toMatchObject({ status: 'matching', version: 3 });
    const active = await act(adminA, program.id, 'activate');
    expect(active.body).toMatchObject({ status: 'active', version: 4, allowedActions: ['close'] });
    const closed = await act(adminA, program.id, 'close');
    expect(closed.body).toMatchObject({ status: 'closed', version: 5, allowedActions: [] });

    const log = await events.waitFor(TOPIC, program.id, 4);
    expect(log.map((e) => e.type)).toEqual([
      'medmentor.profiles.program.published',
      'medmentor.profiles.program.updated',
      'medmentor.profiles.program.updated',
      'medmentor.profiles.program.closed',
    ]);
    for (const event of log) {
      expect(event).toMatchObject({ key: program.id, tenantId: tenantA });
      expect(event.envelope.subject).toBe(program.id);
    }
    expect(log[0].data).toEqual({
      programId: program.id,
      tenantId: tenantA,
      name: 'From residency to first attending job',
      kind: 'institutional',
      matchingMode: 'cohort',
      status: 'open',
      rolesOffered: [
        { role: 'career', perMentee: 1 },
        { role: 'peer', perMentee: 2 },
      ],
      scoringWeights: program.scoringWeights,
      eligibility: {
        mentees: { careerStages: ['resident', 'fellow'], specialties: ['internal-medicine'] },
        mentors: { careerStages: ['early-career', 'mid-career', 'senior'], specialties: [] },
      },
      requirements: { mentorTrainingCompleted: true },
      cadence: [{ every: 'month', while: 'job-searching' }, { every: 'quarter' }],
      kickoffWindowDays: 10,
      reminderOffsetsMinutes: [2880, 30],
      cycle: {
        enrollmentOpensAt: '2026-09-01T00:00:00.000Z',
        enrollmentClosesAt: '2026-10-01T04:59:59.000Z',
        matchDate: '2026-10-15T12:00:00.000Z',
      },
      version: 2,
    });
    expect(log[1].data).toMatchObject({ status: 'matching', version: 3 });
    expect(log[2].data).toMatchObject({ status: 'active', version: 4 });
    expect(log[3].data).toEqual({
      programId: program.id,
      tenantId: tenantA,
      closedAt: closed.body.updatedAt,
      version: 5,
    });
    await it$.outboxDrained('programs');
    expect(events.about(TOPIC, program.id)).toHaveLength(4);
  });

  it('answers an illegal transition with 409 problem+json and changes nothing', async () => {
    const draft = await create(adminA);
    for (const action of ['start-matching', 'activate', 'close']) {
      const reply = await act(adminA, draft.id, action);
      expect(reply.status).toBe(409);
      expect(reply.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(reply.body).toMatchObject({ code: 'illegal-transition', status: 409 });
    }
    expect((await act(adminA, draft.id, 'publish')).status).toBe(200);
    const twice = await act(adminA, draft.id, 'publish');
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/publish needs a program that is draft, this one is open/);
    expect(await stored(draft.id)).toMatchObject({ status: 'open', version: 2 });
    expect(
      (await it$.call('POST', `/api/v1/programs/${draft.id}/archive`, { token: adminA })).status,
    ).toBe(404);
  });

  it('lets a self-match program go from open to active without a matching step', async () => {
    const program = await create(
      adminA,
      cohortProgram({
        matchingMode: 'self-match',
        cycle: {
          enrollmentOpensAt: '2026-01-01T00:00:00Z',
          enrollmentClosesAt: '2026-12-31T00:00:00Z',
        },
      }),
    );
    expect((await act(adminA, program.id, 'publish')).body.allowedActions).toEqual([
      'activate',
      'close',
    ]);
    expect((await act(adminA, program.id, 'start-matching')).body.code).toBe('illegal-transition');
    expect((await act(adminA, program.id, 'activate')).body.status).toBe('active');
  });

  it('refuses to publish an incomplete draft with 422 naming what is missing', async () => {
    const draft = await create(adminA, {
      name: 'National match 2027',
      kind: 'national',
      matchingMode: 'national-ranked',
      cycle: { enrollmentOpensAt: '2026-11-01T00:00:00Z' },
    });
    const reply = await act(adminA, draft.id, 'publish');
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('program-incomplete');
    expect(fieldsOf(reply.body)).toEqual([
      'objectives',
      'cycle.enrollmentClosesAt',
      'cycle.matchDate',
      'cycle.rankListsDueAt',
    ]);
    expect(await stored(draft.id)).toMatchObject({ status: 'draft', version: 1 });
  });

  it('names every invalid field with 400 problem+json and stores nothing', async () => {
    const before = await it$.connection.collection('programs').countDocuments();
    const cases: [Record<string, unknown>, string[]][] = [
      [cohortProgram({ name: '', kind: 'regional', extra: 1 }), ['extra', 'kind', 'name']],
      [
        cohortProgram({
          objectives: ['fame'],
          rolesOffered: [
            { role: 'career', perMentee: 0 },
            { role: 'career', perMentee: 1 },
          ],
        }),
        ['objectives[0]', 'rolesOffered[0].perMentee', 'rolesOffered[1]'],
      ],
      [
        cohortProgram({ scoringWeights: { specialty: 1.5, charisma: 1 } }),
        ['scoringWeights.charisma', 'scoringWeights.specialty'],
      ],
      [
        cohortProgram({
          eligibility: { mentees: { careerStages: ['intern'], specialties: ['astrology'] } },
        }),
        ['eligibility.mentees.careerStages[0]', 'eligibility.mentees.specialties[0]'],
      ],
      [cohortProgram({ cycle: { enrollmentOpensAt: 'next monday' } }), ['cycle.enrollmentOpensAt']],
      [
        cohortProgram({
          cadence: [{ every: 'fortnight' }],
          kickoffWindowDays: 0,
          reminderOffsetsMinutes: [60, 60],
        }),
        ['cadence[0].every', 'kickoffWindowDays', 'reminderOffsetsMinutes[1]'],
      ],
      // Rules across fields, checked on the whole settings:
      [
        cohortProgram({
          cycle: {
            enrollmentOpensAt: '2026-09-30T00:00:00Z',
            enrollmentClosesAt: '2026-09-01T00:00:00Z',
            rankListsDueAt: '2026-10-01T00:00:00Z',
          },
        }),
        ['cycle.enrollmentClosesAt', 'cycle.rankListsDueAt'],
      ],
      [
        cohortProgram({
          cadence: [{ every: 'quarter' }, { every: 'month', count: 2, while: 'job-searching' }],
        }),
        ['cadence[0]', 'cadence[1]'],
      ],
      [
        cohortProgram({ objectives: ['skills'], scoringWeights: { specialty: 0 } }),
        ['customObjectives', 'scoringWeights'],
      ],
    ];
    for (const [body, fields] of cases) {
      const reply = await it$.call('POST', '/api/v1/programs', { token: adminA, body });
      expect({ status: reply.status, code: reply.body.code }).toEqual({
        status: 400,
        code: 'validation-failed',
      });
      expect(fieldsOf(reply.body).sort()).toEqual(fields);
    }
    expect(await it$.connection.collection('programs').countDocuments()).toBe(before);
  });

  it('changes a program with the version last read, rejects stale versions and leaves data unchanged on errors', async () => {
    const program = await create(adminA);
    const changed = await it$.call<Program>('PATCH', `/api/v1/programs/${program.id}`, {
      token: programAdminA,
      body: {
        version: 1,
        name: 'Renamed',
        cycle: {
          enrollmentOpensAt: '2026-08-01T00:00:00Z',
          enrollmentClosesAt: '2026-08-31T00:00:00Z',
        },
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Renamed',
      version: 2,
      cycle: {
        enrollmentOpensAt: '2026-08-01T00:00:00.000Z',
        enrollmentClosesAt: '2026-08-31T00:00:00.000Z',
      },
    });
    expect(changed.body.cycle.matchDate).toBeUndefined();

    const stale = await it$.call('PATCH', `/api/v1/programs/${program.id}`, {
      token: adminA,
      body: { version: 1, name: 'Lost update' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'version-conflict',
      errors: [{ field: 'version', message: 'must be the current version 2' }],
    });

    const crossField = await it$.call('PATCH', `/api/v1/programs/${program.id}`, {
      token: adminA,
      body: {
        version: 2,
        cycle: {
          enrollmentOpensAt: '2026-09-01T00:00:00Z',
          enrollmentClosesAt: '2026-08-01T00:00:00Z',
        },
      },
    });
    expect(crossField.status).toBe(400);
    expect(fieldsOf(crossField.body)).toEqual(['cycle.enrollmentClosesAt']);
    for (const body of [{ version: 2 }, { name: 'No version' }, { version: 2, status: 'active' }]) {
      expect(
        (await it$.call('PATCH', `/api/v1/programs/${program.id}`, { token: adminA, body })).status,
      ).toBe(400);
    }
    expect(await stored(program.id)).toMatchObject({ name: 'Renamed', version: 2 });

    // Two admins racing from the same version: exactly one wins.
    const race = await Promise.all(
      ['First', 'Second'].map((name) =>
        it$.call('PATCH', `/api/v1/programs/${program.id}`, {
          token: adminA,
          body: { version: 2, name },
        }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await stored(program.id)).toMatchObject({ version: 3 });
  });

  it('announces changes of a published program, keeps kind and matching mode fixed and freezes it once closed', async () => {
    const program = await create(adminA);
    await act(adminA, program.id, 'publish');
    const changed = await it$.call<Program>('PATCH', `/api/v1/programs/${program.id}`, {
      token: adminA,
      body: {
        version: 2,
        kickoffWindowDays: 21,
        cadence: [{ every: 'two-weeks', count: 4 }, { every: 'month' }],
      },
    });
    expect(changed.status).toBe(200);
    const locked = await it$.call('PATCH', `/api/v1/programs/${program.id}`, {
      token: adminA,
      body: { version: 3, matchingMode: 'self-match', kind: 'institutional' },
    });
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({
      code: 'program-field-locked',
      errors: [{ field: 'matchingMode' }],
    });
    const losesDate = await it$.call('PATCH', `/api/v1/programs/${program.id}`, {
      token: adminA,
      body: { version: 3, cycle: { enrollmentOpensAt: '2026-09-01T00:00:00Z' } },
    });
    expect(losesDate.status).toBe(422);
    expect(fieldsOf(losesDate.body)).toEqual(['cycle.enrollmentClosesAt', 'cycle.matchDate']);

    const [, updated] = await events.waitFor(TOPIC, program.id, 2);
    expect(updated.type).toBe('medmentor.profiles.program.updated');
    expect(updated.data).toMatchObject({
      status: 'open',
      version: 3,
      kickoffWindowDays: 21,
      cadence: [{ every: 'two-weeks', count: 4 }, { every: 'month' }],
    });

    await act(adminA, program.id, 'close');
    const frozen = await it$.call('PATCH', `/api/v1/programs/${program.id}`, {
      token: adminA,
      body: { version: 4, name: 'Too late' },
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('program-closed');
    await events.waitFor(TOPIC, program.id, 3);
    await it$.outboxDrained('programs');
    expect(events.about(TOPIC, program.id).map((e) => e.type)).toEqual([
      'medmentor.profiles.program.published',
      'medmentor.profiles.program.updated',
      'medmentor.profiles.program.closed',
    ]);
  });

  it('deletes drafts only', async () => {
    const draft = await create(adminA);
    const published = await create(adminA);
    await act(adminA, published.id, 'publish');
    expect(
      (await it$.call('DELETE', `/api/v1/programs/${published.id}`, { token: adminA })).body,
    ).toMatchObject({ status: 409, code: 'program-not-deletable' });
    const deleted = await it$.call('DELETE', `/api/v1/programs/${draft.id}`, { token: adminA });
    expect(deleted.status).toBe(204);
    expect((await it$.call('GET', `/api/v1/programs/${draft.id}`, { token: adminA })).status).toBe(
      404,
    );
  });

  it('pages and filters a tenant’s programs; mentors and mentees see only open, matching and active ones', async () => {
    const tenant = (
      await it$.call<{ id: string }>('POST', '/api/v1/tenants', {
        token: await it$.token(undefined, ['platform-admin']),
        body: { name: 'Paging Health', slug: uniqueName('paging'), kind: 'health-system' },
      })
    ).body.id;
    const admin = await it$.token(tenant, ['program-admin']);
    const draft = await create(admin);
    const open = await create(admin, cohortProgram({ kind: 'national' }));
    await act(admin, open.id, 'publish');
    const active = await create(
      admin,
      cohortProgram({
        matchingMode: 'self-match',
        cycle: {
          enrollmentOpensAt: '2026-01-01T00:00:00Z',
          enrollmentClosesAt: '2026-02-01T00:00:00Z',
        },
      }),
    );
    await act(admin, active.id, 'publish');
    await act(admin, active.id, 'activate');
    const closed = await create(admin);
    await act(admin, closed.id, 'publish');
    await act(admin, closed.id, 'close');

    const all = async (token: string, query = '') => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const reply: { status: number; body: PageBody<Program> } = await it$.call<
          PageBody<Program>
        >('GET', `/api/v1/programs?limit=1${query}${cursor ? `&cursor=${cursor}` : ''}`, { token });
        expect(reply.status).toBe(200);
        expect(reply.body.items.length).toBeLessThanOrEqual(1);
        ids.push(...reply.body.items.map((p) => p.id));
        cursor = reply.body.nextCursor;
      } while (cursor !== null);
      return ids;
    };
    expect(await all(admin)).toEqual([closed.id, active.id, open.id, draft.id]);
    expect(await all(admin, '&status=draft')).toEqual([draft.id]);
    expect(await all(admin, '&kind=national')).toEqual([open.id]);
    expect(await all(admin, '&matchingMode=self-match')).toEqual([active.id]);
    const defaultPage = await it$.call<PageBody<Program>>('GET', '/api/v1/programs', {
      token: admin,
    });
    expect(defaultPage.body).toMatchObject({ nextCursor: null });
    expect(defaultPage.body.items).toHaveLength(4);

    for (const role of ['mentor', 'mentee'] as const) {
      const participant = await it$.token(tenant, [role]);
      expect(await all(participant)).toEqual([active.id, open.id]);
      expect(await all(participant, '&status=draft')).toEqual([]);
      expect(
        (await it$.call('GET', `/api/v1/programs/${open.id}`, { token: participant })).status,
      ).toBe(200);
      expect(
        (await it$.call('GET', `/api/v1/programs/${draft.id}`, { token: participant })).status,
      ).toBe(404);
      expect(
        (await it$.call('GET', `/api/v1/programs/${closed.id}`, { token: participant })).status,
      ).toBe(404);
      expect(
        (await it$.call('POST', '/api/v1/programs', { token: participant, body: cohortProgram() }))
          .status,
      ).toBe(403);
      expect((await act(participant, open.id, 'close')).status).toBe(403);
    }
    for (const query of ['limit=0', 'limit=101', 'cursor=nope', 'status=archived', 'owner=me']) {
      const bad = await it$.call('GET', `/api/v1/programs?${query}`, { token: admin });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual([query.split('=')[0]]);
    }
  });

  it("keeps tenants apart: another tenant's program is 404 on every endpoint and never listed", async () => {
    const theirs = await create(
      adminB,
      cohortProgram({
        kind: 'national',
        matchingMode: 'national-ranked',
        cycle: {
          enrollmentOpensAt: '2026-01-01T00:00:00Z',
          enrollmentClosesAt: '2026-02-01T00:00:00Z',
          rankListsDueAt: '2026-02-10T00:00:00Z',
          matchDate: '2026-02-20T00:00:00Z',
        },
      }),
    );
    await act(adminB, theirs.id, 'publish');
    const mine = await create(adminA);
    for (const token of [adminA, programAdminA, await it$.token(tenantA, ['mentee'])]) {
      expect((await it$.call('GET', `/api/v1/programs/${theirs.id}`, { token })).status).toBe(404);
    }
    expect(
      (
        await it$.call('PATCH', `/api/v1/programs/${theirs.id}`, {
          token: adminA,
          body: { version: 2, name: 'Hijacked' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await it$.call('DELETE', `/api/v1/programs/${theirs.id}`, { token: adminA })).status,
    ).toBe(404);
    for (const action of ['publish', 'start-matching', 'activate', 'close']) {
      const reply = await act(adminA, theirs.id, action);
      expect(reply.status).toBe(404);
      expect(reply.body.code).toBe('program-not-found');
    }
    const listA = await it$.call<PageBody<Program>>('GET', '/api/v1/programs?limit=100', {
      token: adminA,
    });
    expect(listA.body.items.map((p) => p.id)).toContain(mine.id);
    expect(listA.body.items.every((p) => p.tenantId === tenantA)).toBe(true);
    const listB = await it$.call<PageBody<Program>>('GET', '/api/v1/programs?limit=100', {
      token: adminB,
    });
    expect(listB.body.items.map((p) => p.id)).toEqual([theirs.id]);
    expect(await stored(theirs.id)).toMatchObject({
      name: theirs.name,
      status: 'open',
      version: 2,
    });
    // Only a platform admin may act in another tenant, by choosing it.
    const platform = await it$.token(undefined, ['platform-admin']);
    expect(
      (
        await it$.call('GET', `/api/v1/programs/${theirs.id}`, {
          token: platform,
          headers: { 'x-tenant-id': tenantB },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await it$.call('GET', `/api/v1/programs/${theirs.id}`, {
          token: adminA,
          headers: { 'x-tenant-id': tenantB },
        })
      ).status,
    ).toBe(403);
  });

  it('creates and publishes programs only in a registered, active tenant', async () => {
    const unknown = await it$.token(uniqueName('unregistered'), ['org-admin']);
    const reply = await it$.call('POST', '/api/v1/programs', {
      token: unknown,
      body: cohortProgram(),
    });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('tenant-not-registered');

    const platform = await it$.token(undefined, ['platform-admin']);
    const tenant = (
      await it$.call<{ id: string }>('POST', '/api/v1/tenants', {
        token: platform,
        body: { name: 'Soon suspended', slug: uniqueName('susp'), kind: 'specialty-society' },
      })
    ).body.id;
    const admin = await it$.token(tenant, ['org-admin']);
    const draft = await create(admin);
    expect(
      (
        await it$.call('PATCH', `/api/v1/tenants/${tenant}`, {
          token: platform,
          body: { version: 1, status: 'suspended' },
        })
      ).status,
    ).toBe(200);
    const publish = await act(admin, draft.id, 'publish');
    expect(publish.status).toBe(409);
    expect(publish.body.code).toBe('tenant-suspended');
    expect(
      (await it$.call('POST', '/api/v1/programs', { token: admin, body: cohortProgram() })).body
        .code,
    ).toBe('tenant-suspended');
  });
});
