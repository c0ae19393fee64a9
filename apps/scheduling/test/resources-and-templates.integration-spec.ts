import { uniqueName } from '@medmentor/testing';
import { match, physician, program } from './fixtures';
import { EventFeed, SchedulingTestApp, TestClock } from './scheduling-test-app';

interface ResourceBody {
  id: string;
  title: string;
  url: string;
  note?: string;
  addedBy: string;
}
interface List<T> {
  items: T[];
}

const NOW = '2026-03-02T12:00:00.000Z';

describe('agenda templates, match resources and the program library (real Kafka and MongoDB-wire server)', () => {
  const clock = new TestClock(new Date(NOW));
  let app: SchedulingTestApp;
  let feed: EventFeed;
  const tenant = uniqueName('lakeside');
  const otherTenant = uniqueName('harbor');
  const prog = program(tenant);
  const mentee = physician(tenant, 'America/New_York', [
    { day: 'tue', start: '12:00', end: '14:00' },
  ]);
  const mentor = physician(tenant, 'Europe/London', [{ day: 'tue', start: '17:00', end: '19:00' }]);
  const facts = match(tenant, prog.programId, mentee.physicianId, mentor.physicianId, NOW);
  const tokens = {} as Record<
    'admin' | 'mentee' | 'mentor' | 'stranger' | 'otherMentor' | 'otherAdmin',
    string
  >;

  beforeAll(async () => {
    app = await SchedulingTestApp.start(clock);
    feed = await EventFeed.start();
    await app.processed(await feed.send('medmentor.profiles.program.published', prog, tenant));
    for (const p of [mentee, mentor])
      await app.processed(await feed.send('medmentor.profiles.physician.registered', p, tenant));
    await app.planner.activate(facts, {});
    tokens.admin = await app.token(tenant, ['program-admin']);
    tokens.mentee = await app.token(tenant, ['mentee'], mentee.physicianId);
    tokens.mentor = await app.token(tenant, ['mentor'], mentor.physicianId);
    tokens.stranger = await app.token(tenant, ['mentee'], 'someone-else');
    tokens.otherMentor = await app.token(tenant, ['mentor'], 'another-mentor');
    tokens.otherAdmin = await app.token(otherTenant, ['org-admin']);
  });

  afterAll(async () => {
    await feed?.stop();
    await app?.close();
  });

  it('lets admins manage agenda templates per phase, refusing bad input by field and others by role', async () => {
    const base = `/api/v1/programs/${prog.programId}/agenda-templates`;
    const put = await app.call('PUT', `${base}/job-search`, {
      token: tokens.admin,
      body: { items: ['CV review', 'Decoding job ads', 'RVU targets and call burden'] },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      phase: 'job-search',
      items: ['CV review', 'Decoding job ads', 'RVU targets and call burden'],
    });
    // Replacing keeps one template per phase.
    await app.call('PUT', `${base}/job-search`, {
      token: tokens.admin,
      body: { items: ['Contract red flags'] },
    });
    const list = await app.call<List<{ phase: string; items: string[] }>>('GET', base, {
      token: tokens.admin,
    });
    expect(list.body.items).toEqual([
      expect.objectContaining({ phase: 'job-search', items: ['Contract red flags'] }),
    ]);

    const badPhase = await app.call('PUT', `${base}/whenever`, {
      token: tokens.admin,
      body: { items: ['x'] },
    });
    expect(badPhase.status).toBe(400);
    expect(badPhase.body.errors?.map((e) => e.field)).toEqual(['phase']);
    const empty = await app.call('PUT', `${base}/kickoff`, {
      token: tokens.admin,
      body: { items: [] },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.map((e) => e.field)).toEqual(['items']);
    expect(
      (await app.call('PUT', `${base}/kickoff`, { token: tokens.mentor, body: { items: ['x'] } }))
        .status,
    ).toBe(403);
    expect((await app.call('GET', base, { token: tokens.otherAdmin })).status).toBe(404);
    expect(
      (await app.call('GET', `/api/v1/programs/unknown/agenda-templates`, { token: tokens.admin }))
        .status,
    ).toBe(404);

    expect((await app.call('DELETE', `${base}/job-search`, { token: tokens.admin })).status).toBe(
      204,
    );
    expect((await app.call('DELETE', `${base}/job-search`, { token: tokens.admin })).status).toBe(
      404,
    );
    expect(
      (await app.call<List<unknown>>('GET', base, { token: tokens.admin })).body.items,
    ).toEqual([]);
  });

  it('keeps titled links per match for the pair and admins only', async () => {
    const base = `/api/v1/matches/${facts.matchId}/resources`;
    const added = await app.call<ResourceBody>('POST', base, {
      token: tokens.mentor,
      body: {
        title: 'Non-compete clauses explained',
        url: 'https://example.org/non-compete',
        note: 'Read before the contract review',
      },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      title: 'Non-compete clauses explained',
      addedBy: mentor.physicianId,
    });
    const seen = await app.call<List<ResourceBody>>('GET', base, { token: tokens.mentee });
    expect(seen.body.items.map((r) => r.id)).toEqual([added.body.id]);
    expect((await app.call('GET', base, { token: tokens.stranger })).status).toBe(404);
    expect((await app.call('GET', base, { token: tokens.otherAdmin })).status).toBe(404);

    const bad = await app.call('POST', base, {
      token: tokens.mentee,
      body: { title: ' ', url: 'javascript:alert(1)' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['title', 'url']);
    expect(
      (await app.call<List<ResourceBody>>('GET', base, { token: tokens.admin })).body.items,
    ).toHaveLength(1);

    expect(
      (await app.call('DELETE', `${base}/${added.body.id}`, { token: tokens.stranger })).status,
    ).toBe(404);
    expect(
      (await app.call('DELETE', `${base}/${added.body.id}`, { token: tokens.mentee })).status,
    ).toBe(204);
    expect(
      (await app.call('DELETE', `${base}/${added.body.id}`, { token: tokens.mentee })).status,
    ).toBe(404);
    expect(
      (await app.call<List<ResourceBody>>('GET', base, { token: tokens.mentor })).body.items,
    ).toEqual([]);
  });

  it('shares a program library: mentors and admins add, everyone in the tenant reads, authors and admins remove', async () => {
    const base = `/api/v1/programs/${prog.programId}/resources`;
    const shared = await app.call<ResourceBody>('POST', base, {
      token: tokens.mentor,
      body: { title: 'Malpractice tail coverage', url: 'https://example.org/tail' },
    });
    expect(shared.status).toBe(201);
    expect(
      (
        await app.call('POST', base, {
          token: tokens.mentee,
          body: { title: 'x', url: 'https://example.org' },
        })
      ).status,
    ).toBe(403);
    const invalid = await app.call('POST', base, {
      token: tokens.admin,
      body: { title: 'No link' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((e) => e.field)).toEqual(['url']);
    const read = await app.call<List<ResourceBody>>('GET', base, { token: tokens.mentee });
    expect(read.body.items.map((r) => r.title)).toEqual(['Malpractice tail coverage']);
    expect((await app.call('GET', base, { token: tokens.otherAdmin })).status).toBe(404);

    const item = `${base}/${shared.body.id}`;
    expect((await app.call('DELETE', item, { token: tokens.otherMentor })).status).toBe(404);
    expect(
      (await app.call<List<ResourceBody>>('GET', base, { token: tokens.mentee })).body.items,
    ).toHaveLength(1);
    expect((await app.call('DELETE', item, { token: tokens.admin })).status).toBe(204);
    expect(
      (await app.call<List<ResourceBody>>('GET', base, { token: tokens.mentee })).body.items,
    ).toEqual([]);
  });
});
