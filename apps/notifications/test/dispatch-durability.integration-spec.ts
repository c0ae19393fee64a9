import { uniqueName } from '@medmentor/testing';
import { listMail } from './mailbox';
import { enrollmentSubmitted, eventually, NotificationsTestApp } from './notifications-test-app';
import { SmtpGate } from './smtp-gate';

/**
 * A kill -9 between the SMTP server accepting a mail and the write of its outcome sends the
 * mail again once the lease expires. The outcome of each accepted mail is therefore written
 * while the rest of its batch is still being sent: this suite holds the later mails of one
 * batch at the SMTP server (real SMTP, through a relay that stops each mail just before the
 * end of its data) and reads the deliveries meanwhile.
 */
describe('dispatch: outcomes of accepted mails are stored before their batch ends (real servers)', () => {
  const MAILS = 30;
  const LET_THROUGH = 5;
  let it$: NotificationsTestApp;
  let gate: SmtpGate;
  const tenantId = uniqueName('tenant');
  const programId = uniqueName('program');
  const email = `${uniqueName('yui')}@example.org`;

  beforeAll(async () => {
    gate = await SmtpGate.start(email);
    it$ = await NotificationsTestApp.start({
      SMTP_URL: gate.url,
      DAILY_EMAIL_CAP: '1000',
      // Earlier suites' events are read again (a new consumer group) and may be due too.
      DISPATCH_BATCH_SIZE: '2000',
      // The held batch must keep its lease for as long as the suite holds it.
      DELIVERY_LEASE_MS: '120000',
    });
    await it$.registerProgram(tenantId, programId, 'Cohort 2027');
  });

  afterAll(async () => {
    gate?.allow(Infinity);
    await it$?.close();
    await gate?.close();
  });

  it('marks the first mails of a batch sent while its later mails are still held at the SMTP server', async () => {
    // Quiet hours hold all the physician's email; their end makes every mail due at once, so
    // one dispatcher pass claims them all.
    const yui = await it$.registerPhysician(tenantId, { email, timeZone: 'Asia/Tokyo' });
    const lateEvening = await it$.quietEvening(tenantId, yui.physicianId, 'Asia/Tokyo');
    for (let i = 0; i < MAILS; i += 1)
      await it$.publish(
        'medmentor.profiles.enrollment.submitted',
        enrollmentSubmitted(tenantId, programId, yui.physicianId),
        tenantId,
      );
    const emails = { physicianId: yui.physicianId, channel: 'email' };
    await eventually(async () => (await it$.deliveries(emails)).length === MAILS, {
      description: `${MAILS} email deliveries held for quiet hours`,
    });

    gate.allow(LET_THROUGH);
    it$.clockOffsetMs = lateEvening.plus({ hours: 8, minutes: 1 }).toMillis() - Date.now();

    // The mails the SMTP server accepted are recorded as sent while the others of their batch
    // are held, still pending under the batch's one lease.
    const during = await eventually(
      async () => {
        const docs = await it$.deliveries(emails);
        const sent = docs.filter((d) => d['status'] === 'sent');
        return sent.length === LET_THROUGH ? docs : undefined;
      },
      { description: `${LET_THROUGH} accepted mails recorded as sent` },
    );
    const held = during.filter((d) => d['status'] !== 'sent');
    expect(held).toHaveLength(MAILS - LET_THROUGH);
    expect(new Set(held.map((d) => d['status']))).toEqual(new Set(['pending']));
    expect(new Set(held.map((d) => d['lockedBy'])).size).toBe(1);
    expect(held[0]['lockedBy']).toEqual(expect.any(String));
    expect(await listMail(email)).toHaveLength(LET_THROUGH);
    expect(gate.passed).toBe(LET_THROUGH);

    gate.allow(Infinity);
    const done = await it$.settled(emails, MAILS);
    expect(done.every((d) => d['status'] === 'sent')).toBe(true);
    const mail = await listMail(email);
    expect(mail).toHaveLength(MAILS);
  });
});
