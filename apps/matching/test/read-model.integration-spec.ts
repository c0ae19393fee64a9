import { deadLetterTopicOf, Topics } from '@medmentor/contracts';
import { uniqueName, waitFor } from '@medmentor/testing';
import { MATCHING_FEATURES } from './features';
import { enrollment, physician, program } from './fixtures';
import { EventLog, MatchingTestApp, EventFeed, DEADLINE_MS } from './matching-test-app';

describe('matching read model fed by profiles events on Kafka', () => {
  let app: MatchingTestApp;
  let feed: EventFeed;
  let log: EventLog;
  const tenant = uniqueName('tenant');

  beforeAll(async () => {
    app = await MatchingTestApp.start(MATCHING_FEATURES);
    feed = await EventFeed.start();
    log = await EventLog.start([deadLetterTopicOf(Topics.ProfilesPhysician)]);
  });

  afterAll(async () => {
    await log?.stop();
    await feed?.stop();
    await app?.close();
  });

  const fact = (collection: string, id: string) =>
    app.connection.collection(collection).findOne({ _id: `${tenant}:${id}` as never });

  it('keeps the newest physician snapshot, ignores an older one and a redelivery', async () => {
    const v1 = physician(tenant, { specialty: 'pediatrics' });
    await app.processed(
      (await feed.send('medmentor.profiles.physician.registered', v1, tenant)).id,
    );
    const v2 = { ...v1, specialty: 'internal-medicine', version: 2 };
    const sent = await feed.send('medmentor.profiles.physician.updated', v2, tenant);
    await app.processed(sent.id);
    // An older snapshot arriving late (a replay) must not win.
    await app.processed((await feed.send('medmentor.profiles.physician.updated', v1, tenant)).id);
    expect(await fact('physician_facts', v1.physicianId)).toMatchObject({
      tenantId: tenant,
      version: 2,
      specialty: 'internal-medicine',
    });
    // Contact details are not kept.
    expect(await fact('physician_facts', v1.physicianId)).not.toHaveProperty('email');

    // The very same message again: the processed-event record stops it, nothing changes.
    await feed.sendRaw(Topics.ProfilesPhysician, v1.physicianId, JSON.stringify(sent));
    // A later event on the same key is processed after the redelivery (one partition, in order).
    await app.processed((await feed.send('medmentor.profiles.physician.updated', v1, tenant)).id);
    expect(
      await app.connection.collection('processed_events').countDocuments({ eventId: sent.id }),
    ).toBe(1);
    expect(await fact('physician_facts', v1.physicianId)).toMatchObject({ version: 2 });
  });

  it('erases a physician for good: later snapshots cannot bring the data back', async () => {
    const doc = physician(tenant);
    await app.processed(
      (await feed.send('medmentor.profiles.physician.registered', doc, tenant)).id,
    );
    const prog = program(tenant);
    const en = enrollment({
      tenantId: tenant,
      programId: prog.programId,
      physicianId: doc.physicianId,
    });
    await app.processed(
      (await feed.send('medmentor.profiles.enrollment.submitted', en, tenant)).id,
    );

    const erased = await feed.send(
      'medmentor.profiles.physician.erased',
      { physicianId: doc.physicianId, tenantId: tenant },
      tenant,
    );
    await app.processed(erased.id);
    await app.processed(
      (await feed.send('medmentor.profiles.physician.updated', { ...doc, version: 7 }, tenant)).id,
    );
    const after = await fact('physician_facts', doc.physicianId);
    expect(after).toMatchObject({ erased: true, physicianId: doc.physicianId });
    expect(after).not.toHaveProperty('specialty');
    expect(after).not.toHaveProperty('languages');
    const enrollmentAfter = await fact('enrollment_facts', en.enrollmentId);
    expect(enrollmentAfter).toMatchObject({ status: 'erased' });
    expect(enrollmentAfter).not.toHaveProperty('topics');
    expect(enrollmentAfter).not.toHaveProperty('preferences');
  });

  it('tracks programs, enrollments, withdrawals and frozen rank lists by version', async () => {
    const prog = program(tenant, { matchingMode: 'national-ranked', kind: 'national' });
    await app.processed((await feed.send('medmentor.profiles.program.published', prog, tenant)).id);
    await app.processed(
      (
        await feed.send(
          'medmentor.profiles.program.updated',
          { ...prog, name: 'Renamed', version: 2 },
          tenant,
        )
      ).id,
    );
    const en = enrollment({ tenantId: tenant, programId: prog.programId, physicianId: 'ph-1' });
    await app.processed(
      (await feed.send('medmentor.profiles.enrollment.submitted', en, tenant)).id,
    );
    const list = {
      enrollmentId: en.enrollmentId,
      tenantId: tenant,
      programId: prog.programId,
      physicianId: 'ph-1',
      side: 'mentee' as const,
      ranks: ['m-1', 'm-2'],
      submittedAt: '2026-09-12T00:00:00.000Z',
      version: 2,
    };
    await app.processed(
      (await feed.send('medmentor.profiles.rank-list.submitted', list, tenant)).id,
    );
    await app.processed(
      (
        await feed.send(
          'medmentor.profiles.rank-list.frozen',
          { ...list, frozenAt: '2026-10-01T00:00:00.000Z' },
          tenant,
        )
      ).id,
    );
    // An edit that raced the deadline cannot change a frozen list.
    await app.processed(
      (
        await feed.send(
          'medmentor.profiles.rank-list.submitted',
          { ...list, ranks: ['m-3'], version: 3 },
          tenant,
        )
      ).id,
    );
    expect(await fact('program_facts', prog.programId)).toMatchObject({
      version: 2,
      config: expect.objectContaining({ name: 'Renamed' }),
    });
    expect(await fact('enrollment_facts', en.enrollmentId)).toMatchObject({
      status: 'active',
      rankList: ['m-1', 'm-2'],
      rankListFrozen: true,
    });

    await app.processed(
      (
        await feed.send(
          'medmentor.profiles.enrollment.withdrawn',
          { ...en, withdrawnAt: '2026-10-02T00:00:00.000Z', version: 2, side: 'mentee' },
          tenant,
        )
      ).id,
    );
    // The submitted snapshot redelivered later is older than the withdrawal.
    await app.processed((await feed.send('medmentor.profiles.enrollment.updated', en, tenant)).id);
    expect(await fact('enrollment_facts', en.enrollmentId)).toMatchObject({
      status: 'withdrawn',
      version: 2,
    });

    await app.processed(
      (
        await feed.send(
          'medmentor.profiles.program.closed',
          {
            programId: prog.programId,
            tenantId: tenant,
            closedAt: '2026-12-01T00:00:00.000Z',
            version: 3,
          },
          tenant,
        )
      ).id,
    );
    expect(await fact('program_facts', prog.programId)).toMatchObject({
      status: 'closed',
      version: 3,
    });
  });

  it('dead-letters an undecodable message and a payload of another tenant, and moves on', async () => {
    const key = uniqueName('poison');
    await feed.sendRaw(Topics.ProfilesPhysician, key, '{"not": "an event"');
    const foreign = physician('other-tenant');
    await feed.send('medmentor.profiles.physician.registered', foreign, tenant);
    const dead = await waitFor(
      () => {
        const messages = log.reader.on(deadLetterTopicOf(Topics.ProfilesPhysician));
        const poison = messages.find((m) => m.key === key);
        const wrongTenant = messages.find((m) => m.key === foreign.physicianId);
        return poison && wrongTenant ? { poison, wrongTenant } : undefined;
      },
      { timeoutMs: DEADLINE_MS },
    );
    expect(dead.poison.headers['dlq-reason']).toMatch(/json/i);
    expect(dead.wrongTenant.headers['dlq-reason']).toMatch(/tenant/);
    expect(
      await app.connection
        .collection('physician_facts')
        .countDocuments({ physicianId: foreign.physicianId }),
    ).toBe(0);

    // The partition is not blocked: a good event after them is applied.
    const next = physician(tenant);
    await app.processed(
      (await feed.send('medmentor.profiles.physician.registered', next, tenant)).id,
    );
    expect(await fact('physician_facts', next.physicianId)).toMatchObject({ version: 1 });
  });
});
