import { DateTime } from 'luxon';
import { uniqueName } from '@medmentor/testing';
import { NameRedaction } from '../src/directory/name-redaction.service';
import { waitForMail } from './mailbox';
import { eventually as waitFor, matchFacts, NotificationsTestApp } from './notifications-test-app';

/**
 * Erasure takes a physician's name out of what others were sent and this service keeps
 * (inbox messages, digests), found by the ids stored with them or, for texts stored before
 * those were kept, by the name; once, and for good.
 */
describe('erasure: an erased physician is named nowhere (real Kafka and MongoDB-wire server)', () => {
  let it$: NotificationsTestApp;
  const tenantId = uniqueName('tenant');
  const otherTenant = uniqueName('tenant');
  const programId = uniqueName('program');
  const FORMER = 'a former participant';

  const registerPhysician = (overrides: Record<string, unknown> = {}, tenant = tenantId) =>
    it$.registerPhysician(tenant, overrides);
  const facts = (menteeId: string, mentorId: string) =>
    matchFacts(tenantId, programId, menteeId, mentorId);

  const inboxOf = (physicianId: string) =>
    it$.connection.collection('inbox_messages').find({ physicianId }).sort({ _id: 1 }).toArray();

  /** Documents of every collection of the service's database that hold `text`. */
  const holding = async (text: string): Promise<Record<string, number>> => {
    const found: Record<string, number> = {};
    const collections = (await it$.connection.db?.listCollections().toArray()) ?? [];
    for (const { name } of collections) {
      const docs = await it$.connection.collection(name).find({}).toArray();
      const hits = docs.filter((doc) => JSON.stringify(doc).includes(text)).length;
      if (hits > 0) found[name] = hits;
    }
    return found;
  };

  const processed = (eventId: string) =>
    waitFor(
      async () =>
        (await it$.connection.collection('processed_events').findOne({ eventId })) ?? undefined,
      { description: `event ${eventId} processed` },
    );

  beforeAll(async () => {
    it$ = await NotificationsTestApp.start();
    await it$.registerProgram(tenantId, programId, 'Faculty boards');
  });

  afterAll(async () => {
    await it$?.close();
  });

  it("rewrites partners' inbox messages and digests, old and new, once, and never brings the name back", async () => {
    const marker = uniqueName('zq');
    const name = `Zora "Q" Quill ${marker}`;
    const zora = await registerPhysician({ displayName: name, timeZone: 'Europe/Berlin' });
    const omar = await registerPhysician({ displayName: 'Omar Haddad' });
    const pia = await registerPhysician({ displayName: 'Pia Berg', timeZone: 'Europe/Berlin' });
    // The same name in another tenant is another physician: left alone.
    const twin = await registerPhysician({ displayName: name }, otherTenant);

    // Omar's inbox names Zora (match activated); Pia takes her low-priority mail as a daily
    // digest, whose stored lines name Zora too.
    await it$.publish(
      'medmentor.matching.match.activated',
      facts(zora.physicianId, omar.physicianId),
      tenantId,
    );
    const omarsInbox = await waitFor(
      async () =>
        (await inboxOf(omar.physicianId)).length === 1 ? inboxOf(omar.physicianId) : undefined,
      { description: "Omar's inbox message" },
    );
    expect(omarsInbox[0]?.['subject']).toContain(name);
    expect(omarsInbox[0]?.['mentions']).toEqual([zora.physicianId]);

    await it$.call('PUT', '/api/v1/notification-preferences/me', {
      token: await it$.token(tenantId, ['mentor'], pia.physicianId),
      body: { digest: 'daily' },
    });
    const morning = DateTime.now()
      .setZone('Europe/Berlin')
      .plus({ days: 2 })
      .set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    it$.clockOffsetMs = morning.toMillis() - Date.now();
    const ended = await it$.publish(
      'medmentor.matching.match.ended',
      { ...facts(zora.physicianId, pia.physicianId), reason: 'completed' },
      tenantId,
    );
    await it$.settled(
      { sourceEventId: ended.envelope.id, physicianId: pia.physicianId, channel: 'email' },
      1,
      ['digest-queued'],
    );
    it$.clockOffsetMs =
      morning.plus({ days: 1 }).set({ hour: 0, minute: 1 }).toMillis() - Date.now();
    const [digestMail] = await waitForMail(pia.email);
    expect(digestMail?.text).toContain(name);
    const [digest] = await it$.deliveries({ physicianId: pia.physicianId, kind: 'digest' });
    expect(digest?.['mentions']).toEqual([zora.physicianId]);
    it$.clockOffsetMs = 0;

    // Stored before names were recorded with messages: found by the name. One whose delivery
    // names someone else (a namesake) is left as it is.
    const inbox = it$.connection.collection('inbox_messages');
    const legacy = {
      tenantId,
      physicianId: pia.physicianId,
      kind: 'match-activated',
      createdAt: new Date(),
    };
    await inbox.insertMany([
      {
        ...legacy,
        _id: uniqueName('legacy') as never,
        subject: `Your mentorship with ${name} starts`,
        text: `Hello Pia, ${name} and you were matched.`,
      },
      { ...legacy, _id: 'legacy-namesake' as never, subject: `With ${name}`, text: name },
      {
        ...legacy,
        tenantId: otherTenant,
        physicianId: twin.physicianId,
        _id: uniqueName('legacy-other-tenant') as never,
        subject: `With ${name}`,
        text: name,
      },
    ]);
    await it$.connection.collection('deliveries').insertOne({
      _id: 'legacy-namesake' as never,
      tenantId,
      kind: 'match-activated',
      category: 'matching',
      priority: 'normal',
      channel: 'inbox',
      physicianId: pia.physicianId,
      data: JSON.stringify({ data: {}, names: { other: 'a-namesake' } }),
      status: 'sent',
      dueAt: new Date(),
      attempts: 1,
      lockedUntil: new Date(0),
      createdAt: new Date(),
    });
    await it$.connection.collection('deliveries').insertOne({
      _id: uniqueName('legacy-digest') as never,
      tenantId,
      kind: 'digest',
      category: 'matching',
      priority: 'low',
      channel: 'email',
      physicianId: pia.physicianId,
      data: JSON.stringify({ data: { sections: [{ lines: [{ subject: `Ended: ${name}` }] }] } }),
      status: 'sent',
      dueAt: new Date(),
      attempts: 1,
      lockedUntil: new Date(0),
      createdAt: new Date(),
    });

    const before = await holding(marker);
    expect(before['inbox_messages']).toBeGreaterThanOrEqual(4);
    expect(before['deliveries']).toBeGreaterThanOrEqual(2);

    const erasure = await it$.publish(
      'medmentor.profiles.physician.erased',
      { physicianId: zora.physicianId, tenantId },
      tenantId,
    );
    await processed(erasure.envelope.id);
    // Only the namesake's message (and the other tenant's physician) still hold the name.
    expect(await holding(marker)).toEqual({ contacts: 1, inbox_messages: 2 });
    expect((await inbox.findOne({ _id: 'legacy-namesake' as never }))?.['text']).toBe(name);
    const [omarsMessage] = await inboxOf(omar.physicianId);
    expect(omarsMessage?.['subject']).toBe(
      String(omarsInbox[0]?.['subject']).replace(name, FORMER),
    );
    expect(omarsMessage?.['mentions']).toEqual([]);
    const piasMessages = await inboxOf(pia.physicianId);
    expect(piasMessages.map((m) => `${m['subject']} | ${m['text']}`).join('\n')).toContain(
      `Your mentorship with ${FORMER} starts | Hello Pia, ${FORMER} and you were matched.`,
    );
    const [redactedDigest] = await it$.deliveries({ _id: digest?._id });
    expect(redactedDigest?.['data']).toContain(FORMER);
    expect(redactedDigest?.['mentions']).toEqual([]);
    const contact = await it$.connection
      .collection('contacts')
      .findOne({ _id: zora.physicianId as never });
    expect(contact).toMatchObject({ erased: true });
    expect(contact).not.toHaveProperty('redacting');

    // A redelivered erasure (the same event, and a second one) changes nothing more.
    const stored = JSON.stringify([
      await inbox.find({ tenantId }).sort({ _id: 1 }).toArray(),
      await it$.deliveries({ tenantId, kind: 'digest' }),
    ]);
    const again = await it$.publish(
      'medmentor.profiles.physician.erased',
      { physicianId: zora.physicianId, tenantId },
      tenantId,
    );
    await it$.send(erasure);
    await processed(again.envelope.id);
    expect(
      JSON.stringify([
        await inbox.find({ tenantId }).sort({ _id: 1 }).toArray(),
        await it$.deliveries({ tenantId, kind: 'digest' }),
      ]),
    ).toBe(stored);

    // A later event naming her renders her neutrally: the name does not come back.
    const late = await it$.publish(
      'medmentor.scheduling.check-in.overdue',
      {
        matchId: uniqueName('match'),
        tenantId,
        programId,
        role: 'career',
        menteeId: zora.physicianId,
        mentorId: omar.physicianId,
        at: new Date().toISOString(),
        dueBy: '2027-02-01T00:00:00Z',
      },
      tenantId,
    );
    await it$.settled({ sourceEventId: late.envelope.id, physicianId: omar.physicianId }, 2);
    const nudge = (await inboxOf(omar.physicianId)).find((m) => m['kind'] === 'check-in-overdue');
    expect(nudge?.['subject']).toContain(FORMER);
    expect(await holding(marker)).toEqual({ contacts: 1, inbox_messages: 2 });
  });

  it('covers a message stored just after the erasure looked, and resumes an erasure that stopped halfway', async () => {
    const marker = uniqueName('kq');
    const name = `Kai Quill ${marker}`;
    const kai = await registerPhysician({ displayName: name });
    const lena = await registerPhysician({ displayName: 'Lena Novak' });
    const erasure = await it$.publish(
      'medmentor.profiles.physician.erased',
      { physicianId: kai.physicianId, tenantId },
      tenantId,
    );
    await processed(erasure.envelope.id);

    // A dispatcher that read Kai's name before the tombstone stores its message afterwards:
    // its check after the write finds Kai erased and rewrites it.
    const late = {
      _id: uniqueName('late'),
      tenantId,
      physicianId: lena.physicianId,
      kind: 'match-activated',
      subject: `Your mentorship with ${name} starts`,
      text: `${name} is your mentor.`,
      createdAt: new Date(),
      mentions: [kai.physicianId],
    };
    await it$.connection.collection('inbox_messages').insertOne(late as never);
    await it$
      .get(NameRedaction)
      .afterWrite([{ ...late, named: { [kai.physicianId]: name } }], 'inbox');
    expect(await holding(marker)).toEqual({});
    expect(
      await it$.connection.collection('inbox_messages').findOne({ _id: late._id as never }),
    ).toMatchObject({
      subject: `Your mentorship with ${FORMER} starts`,
      text: `${FORMER} is your mentor.`,
      mentions: [],
    });

    // An erasure that stopped after the tombstone kept the name it was removing: the
    // redelivered event finishes the work and forgets it.
    await it$.connection
      .collection('contacts')
      .updateOne({ _id: kai.physicianId as never }, { $set: { redacting: name } });
    await it$.connection
      .collection('inbox_messages')
      .insertOne({ ...late, _id: uniqueName('halfway') } as never);
    await it$.send(erasure);
    const redelivered = await it$.publish(
      'medmentor.profiles.physician.erased',
      { physicianId: kai.physicianId, tenantId },
      tenantId,
    );
    await processed(redelivered.envelope.id);
    expect(await holding(marker)).toEqual({});
  });
});
