import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { MongoClient } from 'mongodb';
import { mongoUri, waitFor, type ServiceName } from '@medmentor/testing';
import {
  completedRun,
  createPhysician,
  DAY_MS,
  EVENTUAL,
  expectStatus,
  iso,
  registerTenant,
  type Physician,
} from './flows';
import { invitationsOf, Mailbox } from './mailbox';
import { api, Stack } from './stack';

interface Match {
  matchId: string;
  programId: string;
  role: string;
  menteeId: string;
  mentorId: string;
  status: string;
  endReason?: string;
}

interface Meeting {
  id: string;
  matchId: string;
  kind: 'kickoff' | 'check-in';
  seriesId?: string;
  start: string;
  end: string;
  status: string;
  sequence: number;
}

/** Where notifications lists an attendee whose email it may not show (a partner's). */
const WITHHELD_ADDRESS = /^participant-[0-9a-f]+@medmentor\.invalid$/;

/** The ORGANIZER and ATTENDEEs of a mail's invitation `uid`, as `[address, CN]`. */
const partiesOf = (mail: ParsedMail, uid: string) => {
  for (const attachment of mail.attachments.filter((a) => a.filename?.endsWith('.ics'))) {
    const vevent = new ICAL.Component(
      ICAL.parse(attachment.content.toString('utf8')) as unknown[],
    ).getFirstSubcomponent('vevent');
    if (vevent?.getFirstPropertyValue('uid')?.toString() !== uid) continue;
    const party = (p: ICAL.Property) => [
      String(p.getFirstValue()).replace(/^mailto:/i, ''),
      String(p.getParameter('cn')),
    ];
    const organizer = vevent.getFirstProperty('organizer');
    return {
      organizer: organizer === null ? undefined : party(organizer),
      attendees: vevent.getAllProperties('attendee').map(party),
    };
  }
  return undefined;
};

/** Reminders of the programs below: a day and an hour before each meeting. */
const REMINDER_OFFSETS = [1440, 60];
const TICK_MS = 500;

/**
 * A whole program cycle over the four services as separate processes on the real broker,
 * database and SMTP server: enrollment, matching of both kinds, accept / decline / rematch,
 * meetings, invitation mail with iCalendar, reminders at their instants on a clock the suite
 * moves (scheduling restarted with SCHEDULING_CLOCK_START), and erasure everywhere.
 */
describe('a program cycle from enrollment to erasure', () => {
  const stack = new Stack();
  let mailbox: Mailbox;
  const url = (service: ServiceName, path: string) =>
    `${stack.services[service].url}/api/v1${path}`;

  // Filled as the cycle goes: each step builds on the one before.
  let healthSystem: string;
  let admin: string;
  let mentee: Physician;
  let clinicalMentor: Physician;
  let careerMentors: Physician[];
  let clinicalMatch: Match;

  const as = (tenantId: string, physician: Physician, role: 'mentee' | 'mentor') =>
    stack.physicianToken(tenantId, physician.id, [role]);

  const matchesOf = async (token: string, programId: string): Promise<Match[]> =>
    expectStatus(
      await api(url('matching', `/matches?programId=${programId}`), { token }),
      200,
      'matches',
    )['items'] as Match[];

  const respond = async (
    matchId: string,
    token: string,
    answer: 'accept' | 'decline',
    body?: unknown,
  ) =>
    expectStatus(
      await api(url('matching', `/matches/${matchId}/${answer}`), { method: 'POST', token, body }),
      200,
      `${answer} ${matchId}`,
    ) as unknown as Match;

  const meetingsOf = async (matchId: string, token = admin): Promise<Meeting[]> =>
    expectStatus(
      await api(url('scheduling', `/matches/${matchId}/meetings`), { token }),
      200,
      'meetings',
    )['items'] as Meeting[];

  const withDatabase = async <T>(
    service: ServiceName,
    read: (db: ReturnType<MongoClient['db']>) => Promise<T>,
  ) => {
    const client = await MongoClient.connect(mongoUri());
    try {
      return await read(client.db(stack.databaseOf(service)));
    } finally {
      await client.close();
    }
  };

  beforeAll(async () => {
    mailbox = await Mailbox.open();
    await stack.start(undefined, {
      profiles: { RANK_LIST_FREEZE_INTERVAL_MS: '1000' },
      matching: { MATCH_RUN_POLL_INTERVAL_MS: '200' },
      scheduling: { SCHEDULING_TICK_INTERVAL_MS: String(TICK_MS) },
      // The cap defers mail to a digest; this cycle mails one physician more than a day's worth.
      notifications: { DAILY_EMAIL_CAP: '200', DISPATCH_INTERVAL_MS: '200' },
    });
  }, 180_000);

  afterAll(async () => {
    await stack.kill();
  });

  it("matches a health system's board program: accept, decline, and the rematch after the decline", async () => {
    healthSystem = await registerTenant(stack, 'health-system', 'Lakeside Health');
    admin = await stack.token(healthSystem, ['org-admin']);
    const created = await api(url('profiles', '/programs'), {
      method: 'POST',
      token: admin,
      body: {
        name: 'Faculty boards',
        objectives: ['job-search'],
        kind: 'institutional',
        matchingMode: 'cohort',
        rolesOffered: [
          { role: 'clinical', perMentee: 1 },
          { role: 'career', perMentee: 1 },
        ],
        cadence: [{ every: 'month', count: 2 }],
        kickoffWindowDays: 14,
        reminderOffsetsMinutes: REMINDER_OFFSETS,
        cycle: {
          enrollmentOpensAt: iso(-DAY_MS),
          enrollmentClosesAt: iso(60 * DAY_MS),
          matchDate: iso(70 * DAY_MS),
        },
      },
    });
    const programId = expectStatus(created, 201, 'program')['id'] as string;
    expectStatus(
      await api(url('profiles', `/programs/${programId}/publish`), {
        method: 'POST',
        token: admin,
      }),
      200,
      'publish',
    );

    const mentor = {
      careerStage: { stage: 'mid-career', yearsInPractice: 12 },
      mentoringCapacity: 2,
      mentorTraining: { completed: true, completedAt: '2026-01-10' },
    };
    mentee = await createPhysician(stack, admin, 'Mentee');
    clinicalMentor = await createPhysician(stack, admin, 'Clinical', mentor);
    careerMentors = [
      await createPhysician(stack, admin, 'CareerA', mentor),
      await createPhysician(stack, admin, 'CareerB', mentor),
    ];
    const enroll = async (physician: Physician, side: 'mentee' | 'mentor', roles: string[]) =>
      expectStatus(
        await api(url('profiles', '/enrollments'), {
          method: 'POST',
          token: await as(healthSystem, physician, side),
          body: { programId, side, roles },
        }),
        201,
        `enrollment of ${physician.marker}`,
      )['id'] as string;
    const menteeEnrollment = await enroll(mentee, 'mentee', ['clinical', 'career']);
    await enroll(clinicalMentor, 'mentor', ['clinical']);
    for (const m of careerMentors) await enroll(m, 'mentor', ['career']);

    // Matching learns the enrollments from profiles' events: both career mentors are candidates.
    const menteeToken = await as(healthSystem, mentee, 'mentee');
    await waitFor(
      async () => {
        const res = await api(
          url(
            'matching',
            `/programs/${programId}/recommendations?menteeEnrollmentId=${menteeEnrollment}&role=career`,
          ),
          { token: menteeToken },
        );
        return res.status === 200 && (res.body['items'] as unknown[]).length === 2;
      },
      { ...EVENTUAL, description: 'the enrollments in matching' },
    );

    const run = await completedRun(stack, admin, programId);
    expect(run).toMatchObject({
      algorithm: 'boards',
      verification: { verified: true },
      summary: { matched: 2 },
    });
    const published = await api(url('matching', `/match-runs/${run['runId'] as string}/publish`), {
      method: 'POST',
      token: admin,
    });
    expect(expectStatus(published, 200, 'publish run')).toMatchObject({ proposed: 2 });

    const proposed = await matchesOf(admin, programId);
    expect(proposed.map((m) => [m.role, m.status]).sort()).toEqual([
      ['career', 'proposed'],
      ['clinical', 'proposed'],
    ]);
    clinicalMatch = proposed.find((m) => m.role === 'clinical')!;
    expect(clinicalMatch).toMatchObject({ menteeId: mentee.id, mentorId: clinicalMentor.id });
    await respond(clinicalMatch.matchId, menteeToken, 'accept');
    expect(
      await respond(
        clinicalMatch.matchId,
        await as(healthSystem, clinicalMentor, 'mentor'),
        'accept',
      ),
    ).toMatchObject({
      status: 'activated',
    });

    // The career mentor the run chose declines; the admin's rematch proposes the other one.
    const career = proposed.find((m) => m.role === 'career')!;
    const decliner = careerMentors.find((m) => m.id === career.mentorId)!;
    const other = careerMentors.find((m) => m.id !== career.mentorId)!;
    expect(
      await respond(career.matchId, await as(healthSystem, decliner, 'mentor'), 'decline', {
        reason: 'no capacity this year',
      }),
    ).toMatchObject({
      status: 'declined',
    });
    const rematched = await api(url('matching', `/matches/${career.matchId}/rematch`), {
      method: 'POST',
      token: admin,
    });
    const rematch = expectStatus(rematched, 201, 'rematch') as unknown as Match;
    expect(rematch).toMatchObject({
      role: 'career',
      menteeId: mentee.id,
      mentorId: other.id,
      status: 'proposed',
    });
    await respond(rematch.matchId, menteeToken, 'accept');
    expect(
      await respond(rematch.matchId, await as(healthSystem, other, 'mentor'), 'accept'),
    ).toMatchObject({ status: 'activated' });

    const final = await matchesOf(admin, programId);
    expect(final.map((m) => [m.role, m.mentorId, m.status]).sort()).toEqual(
      [
        ['career', decliner.id, 'declined'],
        ['career', other.id, 'activated'],
        ['clinical', clinicalMentor.id, 'activated'],
      ].sort(),
    );
  });

  it("matches a society's national program by stable matching over the frozen rank lists", async () => {
    const society = await registerTenant(
      stack,
      'specialty-society',
      'Society of Hospital Medicine',
    );
    const societyAdmin = await stack.token(society, ['program-admin']);
    const created = await api(url('profiles', '/programs'), {
      method: 'POST',
      token: societyAdmin,
      body: {
        name: 'National mentorship match',
        objectives: ['leadership'],
        kind: 'national',
        matchingMode: 'national-ranked',
        rolesOffered: [{ role: 'career', perMentee: 1 }],
        cycle: {
          enrollmentOpensAt: iso(-DAY_MS),
          enrollmentClosesAt: iso(5 * DAY_MS),
          rankListsDueAt: iso(10 * DAY_MS),
          matchDate: iso(15 * DAY_MS),
        },
      },
    });
    const programId = expectStatus(created, 201, 'national program')['id'] as string;
    expectStatus(
      await api(url('profiles', `/programs/${programId}/publish`), {
        method: 'POST',
        token: societyAdmin,
      }),
      200,
      'publish',
    );

    const mentor = { careerStage: { stage: 'senior' }, mentoringCapacity: 1 };
    const mentees = [
      await createPhysician(stack, societyAdmin, 'NatMenteeA'),
      await createPhysician(stack, societyAdmin, 'NatMenteeB'),
    ];
    const mentors = [
      await createPhysician(stack, societyAdmin, 'NatMentorA', mentor),
      await createPhysician(stack, societyAdmin, 'NatMentorB', mentor),
    ];
    const enrollment = new Map<string, string>();
    for (const [side, people] of [
      ['mentee', mentees],
      ['mentor', mentors],
    ] as const) {
      for (const p of people) {
        const res = await api(url('profiles', '/enrollments'), {
          method: 'POST',
          token: societyAdmin,
          body: {
            programId,
            physicianId: p.id,
            side,
            roles: ['career'],
            ...(side === 'mentor' && { capacity: 1 }),
          },
        });
        enrollment.set(
          p.id,
          expectStatus(res, 201, `national enrollment ${p.marker}`)['id'] as string,
        );
      }
    }
    const [a, b] = mentees;
    const [x, y] = mentors;
    // Both mentees want x first; x prefers b, so a ends with y. Mentee-proposing deferred
    // acceptance gives {a-y, b-x}, the only stable matching here.
    const ranks: [Physician, Physician[]][] = [
      [a, [x, y]],
      [b, [x, y]],
      [x, [b, a]],
      [y, [a, b]],
    ];
    for (const [who, list] of ranks) {
      const res = await api(url('profiles', `/enrollments/${enrollment.get(who.id)!}/rank-list`), {
        method: 'PUT',
        token: societyAdmin,
        body: { version: 1, ranks: list.map((p) => enrollment.get(p.id)) },
      });
      expectStatus(res, 200, `rank list of ${who.marker}`);
    }
    // The deadline moves to the past; profiles' sweep freezes every list and matching learns it.
    const program = expectStatus(
      await api(url('profiles', `/programs/${programId}`), { token: societyAdmin }),
      200,
      'program',
    );
    const moved = await api(url('profiles', `/programs/${programId}`), {
      method: 'PATCH',
      token: societyAdmin,
      body: {
        version: program['version'],
        cycle: {
          enrollmentOpensAt: iso(-2 * DAY_MS),
          enrollmentClosesAt: iso(-2000),
          rankListsDueAt: iso(-1000),
          matchDate: iso(DAY_MS),
        },
      },
    });
    expectStatus(moved, 200, 'deadline moved');
    await waitFor(
      () =>
        withDatabase(
          'matching',
          async (db) =>
            (await db
              .collection('enrollment_facts')
              .countDocuments({ tenantId: society, programId, rankListFrozen: true })) === 4,
        ),
      { ...EVENTUAL, description: 'four frozen rank lists in matching' },
    );

    const run = await completedRun(stack, societyAdmin, programId);
    expect(run).toMatchObject({
      algorithm: 'deferred-acceptance',
      verification: { verified: true },
      summary: { matched: 2 },
    });
    expectStatus(
      await api(url('matching', `/match-runs/${run['runId'] as string}/publish`), {
        method: 'POST',
        token: societyAdmin,
      }),
      200,
      'publish',
    );
    const matches = await matchesOf(societyAdmin, programId);
    expect(matches.map((m) => `${m.menteeId}-${m.mentorId}`).sort()).toEqual(
      [`${a.id}-${y.id}`, `${b.id}-${x.id}`].sort(),
    );
    for (const m of matches) {
      await respond(
        m.matchId,
        await stack.physicianToken(society, m.menteeId, ['mentee']),
        'accept',
      );
      await respond(
        m.matchId,
        await stack.physicianToken(society, m.mentorId, ['mentor']),
        'accept',
      );
    }
    expect((await matchesOf(societyAdmin, programId)).map((m) => m.status)).toEqual([
      'activated',
      'activated',
    ]);
  });

  it('schedules the kickoff and the check-in series and mails both sides a valid invitation', async () => {
    const meetings = await waitFor(
      async () => {
        const found = await meetingsOf(clinicalMatch.matchId);
        return found.length >= 3 ? found : undefined;
      },
      { ...EVENTUAL, description: 'the meetings of the clinical match' },
    );
    const [kickoff, ...checkIns] = meetings;
    expect(kickoff).toMatchObject({
      kind: 'kickoff',
      status: 'scheduled',
      matchId: clinicalMatch.matchId,
    });
    // Not before the minimum notice (24 h), inside the kickoff window (14 days).
    expect(Date.parse(kickoff.start)).toBeGreaterThan(Date.now() + DAY_MS - 60_000);
    expect(Date.parse(kickoff.start)).toBeLessThan(Date.now() + 14 * DAY_MS);
    expect(checkIns).toHaveLength(2);
    expect(new Set(checkIns.map((m) => m.seriesId)).size).toBe(1);
    for (const checkIn of checkIns) {
      expect(checkIn).toMatchObject({
        kind: 'check-in',
        status: 'scheduled',
        seriesId: expect.any(String),
      });
      expect(Date.parse(checkIn.start)).toBeGreaterThan(Date.parse(kickoff.start));
    }

    // Organised by the sender for the organization; both physicians named, each invitation
    // listing its recipient's own address and the partner's withheld (by default profiles does
    // not show a physician's email to their matches).
    for (const [person, partner] of [
      [mentee, clinicalMentor],
      [clinicalMentor, mentee],
    ]) {
      const mails = await mailbox.waitFor(
        person.email,
        /^Your kickoff with /,
        person === mentee ? 2 : 1,
      );
      const invitations = mails.flatMap(invitationsOf);
      const invitation = invitations.find((i) => i.uid === kickoff.id);
      const own = [person.email];
      const withheld = [expect.stringMatching(WITHHELD_ADDRESS)];
      expect(invitation).toEqual({
        method: 'REQUEST',
        uid: kickoff.id,
        sequence: kickoff.sequence,
        start: kickoff.start,
        end: kickoff.end,
        status: 'CONFIRMED',
        // The mentee first, then the mentor.
        attendees: person === mentee ? [...own, ...withheld] : [...withheld, ...own],
      });
      const parties = mails.map((mail) => partiesOf(mail, kickoff.id)).find(Boolean);
      expect(parties?.organizer).toEqual([expect.stringContaining('@'), 'Lakeside Health']);
      expect(parties?.attendees.map(([, cn]) => cn)).toEqual([
        expect.stringContaining(mentee.marker),
        expect.stringContaining(clinicalMentor.marker),
      ]);
      expect(JSON.stringify(parties)).not.toContain(partner.email);
    }
    // The check-ins are invitations too, one per occurrence.
    const checkInMail = await mailbox.waitFor(clinicalMentor.email, /^Your check-in with /, 2);
    expect(
      checkInMail
        .flatMap(invitationsOf)
        .map((i) => i.uid)
        .sort(),
    ).toEqual(checkIns.map((m) => m.id).sort());
  });

  it('sends each reminder when the moved clock reaches it, once', async () => {
    const [kickoff] = await meetingsOf(clinicalMatch.matchId);
    const start = Date.parse(kickoff.start);
    const reminderAt = (offset: number) =>
      withDatabase('scheduling', (db) =>
        db
          .collection<{ _id: string; createdAt: Date }>('announcements')
          .findOne({ _id: `reminder:${kickoff.id}:${start}:${offset}` }),
      );
    const leadMs = 3_000;
    for (const [index, offset] of REMINDER_OFFSETS.entries()) {
      const dueAt = start - offset * 60_000;
      // Scheduling starts again a few seconds before the reminder is due by its clock.
      await stack.restart('scheduling', {
        SCHEDULING_CLOCK_START: new Date(dueAt - leadMs).toISOString(),
      });
      const made = await waitFor(() => reminderAt(offset).then((doc) => doc ?? undefined), {
        ...EVENTUAL,
        description: `the ${offset}-minute reminder`,
      });
      // Made at the service's time: not before it was due, and within a few ticks after.
      expect(made.createdAt.getTime()).toBeGreaterThanOrEqual(dueAt);
      expect(made.createdAt.getTime()).toBeLessThan(dueAt + 10 * TICK_MS + 5_000);
      for (const later of REMINDER_OFFSETS.slice(index + 1))
        expect(await reminderAt(later)).toBeNull();

      const reminders = await mailbox.waitFor(
        clinicalMentor.email,
        /^Reminder: kickoff with /,
        index + 1,
      );
      expect(reminders).toHaveLength(index + 1);
      await mailbox.waitFor(mentee.email, /^Reminder: kickoff with /, index + 1);
    }
    // Ticks after the last reminder add none: still one per offset to the mentor.
    const meetingsAfter = await meetingsOf(clinicalMatch.matchId);
    expect(meetingsAfter[0]).toMatchObject({ id: kickoff.id, status: 'scheduled' });
    expect(
      (await mailbox.list(clinicalMentor.email)).filter((m) =>
        m.subject.startsWith('Reminder: kickoff with '),
      ),
    ).toHaveLength(REMINDER_OFFSETS.length);
  });

  it('erases a physician: their personal data is gone from all four services', async () => {
    const menteeToken = await as(healthSystem, mentee, 'mentee');
    // Data of theirs in each service first: a preference in notifications, leave in scheduling.
    expectStatus(
      await api(url('notifications', `/notification-preferences/${mentee.id}`), {
        method: 'PUT',
        token: menteeToken,
        body: { digest: 'weekly' },
      }),
      200,
      'preferences',
    );
    expectStatus(
      await api(url('scheduling', `/physicians/${mentee.id}/blackouts`), {
        method: 'POST',
        token: menteeToken,
        body: { from: '2027-03-01', to: '2027-03-02', reason: `Leave ${mentee.marker}` },
      }),
      201,
      'blackout',
    );
    const before = await scanFor(mentee);
    expect(Object.keys(before).length).toBeGreaterThan(0);

    expect(
      (await api(url('profiles', `/physicians/${mentee.id}`), { method: 'DELETE', token: admin }))
        .status,
    ).toBe(204);
    expect((await api(url('profiles', `/physicians/${mentee.id}`), { token: admin })).status).toBe(
      404,
    );

    // Their live matches end, their meetings ahead are cancelled, their preferences are gone.
    await waitFor(
      async () => {
        const items = (
          await api(url('matching', `/matches?programId=${clinicalMatch.programId}`), {
            token: admin,
          })
        ).body['items'] as Match[];
        return items.filter((m) => m.status === 'activated').length === 0;
      },
      { ...EVENTUAL, description: "the erased mentee's matches ended" },
    );
    const ended = await api(url('matching', `/matches/${clinicalMatch.matchId}`), { token: admin });
    expect(ended.body).toMatchObject({ status: 'ended', endReason: 'withdrawn' });
    expect(ended.body['factors']).toBeUndefined();
    await waitFor(
      async () => (await meetingsOf(clinicalMatch.matchId)).every((m) => m.status === 'cancelled'),
      {
        ...EVENTUAL,
        description: "the erased mentee's meetings cancelled",
      },
    );
    await waitFor(
      async () => {
        const res = await api(url('scheduling', `/physicians/${mentee.id}/busy`), { token: admin });
        return (
          res.status === 404 ||
          (res.status === 200 && JSON.stringify(res.body).includes(mentee.marker) === false)
        );
      },
      { ...EVENTUAL, description: 'the blackout gone' },
    );

    // Where no API shows it, the databases: no document of any service holds a personal value,
    // not even the messages already rendered into the partners' inboxes ("Your kickoff with
    // <name>"), which notifications rewrites.
    const left = await waitFor(
      async () => {
        const found = await scanFor(mentee);
        return Object.keys(found).length === 0 ? found : undefined;
      },
      { ...EVENTUAL, description: 'no personal data of the erased physician' },
    ).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; left: ${JSON.stringify(await scanFor(mentee))}`);
    });
    expect(left).toEqual({});
    await withDatabase('notifications', async (db) => {
      const partnerInbox = await db
        .collection<{ physicianId: string; subject: string }>('inbox_messages')
        .find({ physicianId: clinicalMentor.id })
        .toArray();
      expect(partnerInbox.some((m) => m.subject.includes('a former participant'))).toBe(true);
    });
    await withDatabase('notifications', async (db) => {
      const inbox = db.collection<{ physicianId: string }>('inbox_messages');
      expect(await inbox.countDocuments({ physicianId: mentee.id })).toBe(0);
    });
    // The other side's data is still there.
    expect(Object.keys(await scanFor(clinicalMentor)).length).toBeGreaterThan(0);
  });

  /** Collections of each service holding any of the physician's personal values, with counts. */
  async function scanFor(physician: Physician): Promise<Record<string, number>> {
    const needles = [
      physician.marker.toLowerCase(),
      physician.email.toLowerCase(),
      physician.phone,
      physician.npi,
    ];
    const found: Record<string, number> = {};
    for (const service of ['profiles', 'matching', 'scheduling', 'notifications'] as const) {
      await withDatabase(service, async (db) => {
        for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
          const docs = await db.collection(name).find({}).toArray();
          const hits = docs.filter((doc) => {
            const text = JSON.stringify(doc).toLowerCase();
            return needles.some((needle) => text.includes(needle));
          }).length;
          if (hits > 0) found[`${service}.${name}`] = hits;
        }
      });
    }
    return found;
  }
});
