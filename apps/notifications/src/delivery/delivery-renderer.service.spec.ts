import ICAL from 'ical.js';
import type { NotificationsConfig } from '../config/notifications-config';
import type { Contact } from '../directory/schemas/contact.schema';
import { invitationSpec, withheldAddress } from '../kinds/meeting-invitation';
import { meetingScheduledKind } from '../kinds/scheduling.kinds';
import { TemplateEngine } from '../templates/template-engine';
import { DeliveryLookups } from './delivery-lookups.service';
import { DeliveryRenderer, type Addressed } from './delivery-renderer.service';
import type { StoredPayload } from './planned-message';
import type { Delivery } from './schemas/delivery.schema';

const tenantId = 't1';
const key = (id: string) => `${tenantId}\u0000${id}`;
const contact = (id: string, fields: Partial<Contact>): [string, Contact] => [
  key(id),
  { _id: id, tenantId, version: 1, erased: false, ...fields },
];

const meeting = {
  meetingId: 'meeting-1',
  tenantId,
  matchId: 'm1',
  programId: 'p1',
  role: 'career' as const,
  kind: 'kickoff' as const,
  menteeId: 'mentee',
  mentorId: 'mentor',
  start: '2026-12-03T16:00:00.000Z',
  end: '2026-12-03T16:30:00.000Z',
  menteeTimeZone: 'UTC',
  mentorTimeZone: 'UTC',
  sequence: 0,
};

const renderer = new DeliveryRenderer({} as never, {} as never, new TemplateEngine(), {
  MAIL_FROM: 'MedMentor <no-reply@medmentor.local>',
  PUBLIC_BASE_URL: 'http://localhost:3004',
  unsubscribeSecret: 'x'.repeat(32),
} as NotificationsConfig);

const lookups = (contacts: [string, Contact][]) =>
  new DeliveryLookups(
    new Map(contacts),
    new Map([
      [tenantId, { _id: tenantId, tenantId, name: 'Lakeside Health', timeZone: 'UTC', version: 1 }],
    ]),
    new Map(),
    new Map(),
    new Map(),
    new Map(),
  );

const delivery = (physicianId: string, other: string): Delivery => {
  const payload: StoredPayload = {
    data: { role: 'career', side: 'mentee', meetingKind: 'kickoff', start: meeting.start },
    names: { other },
    invitation: invitationSpec(meeting, 'Mentorship kickoff (career)'),
  };
  return {
    _id: `e1:p:${physicianId}:email`,
    tenantId,
    kind: meetingScheduledKind.kind,
    category: meetingScheduledKind.category,
    priority: meetingScheduledKind.priority,
    channel: 'email',
    physicianId,
    programId: 'p1',
    data: JSON.stringify(payload),
    status: 'pending',
    dueAt: new Date(),
    attempts: 0,
    lockedUntil: new Date(0),
    createdAt: new Date(),
  };
};

const invitationOf = (addressed: Addressed) => {
  if (!('channel' in addressed) || addressed.channel !== 'email') throw new Error('not an email');
  const [attachment] = addressed.attachments;
  const calendar = new ICAL.Component(
    ICAL.parse(Buffer.from(attachment?.content ?? '', 'base64').toString('utf8')) as unknown[],
  );
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (vevent === null) throw new Error('no VEVENT');
  const organizer = vevent.getFirstProperty('organizer');
  return {
    text: `${addressed.message.subject}\n${addressed.message.text}`,
    organizer: [String(organizer?.getFirstValue()), organizer?.getParameter('cn')],
    attendees: new ICAL.Event(vevent).attendees.map((a) => [
      String(a.getFirstValue()),
      a.getParameter('cn'),
    ]),
  };
};

describe('DeliveryRenderer: meeting invitations', () => {
  const mentee = contact('mentee', { displayName: 'Ines Rocha', email: 'ines@example.org' });
  const mentor = contact('mentor', { displayName: 'Jon Berg', email: 'jon@example.org' });

  it("names both sides, with the recipient's own address and the partner's withheld", async () => {
    const invitation = invitationOf(
      await renderer.address(delivery('mentee', 'mentor'), lookups([mentee, mentor])),
    );
    expect(invitation.organizer).toEqual(['mailto:no-reply@medmentor.local', 'Lakeside Health']);
    expect(invitation.attendees).toEqual([
      ['MAILTO:ines@example.org', 'Ines Rocha'],
      [`MAILTO:${withheldAddress(tenantId, 'mentor')}`, 'Jon Berg'],
    ]);
    const other = invitationOf(
      await renderer.address(delivery('mentor', 'mentee'), lookups([mentee, mentor])),
    );
    expect(other.attendees).toEqual([
      [`MAILTO:${withheldAddress(tenantId, 'mentee')}`, 'Ines Rocha'],
      ['MAILTO:jon@example.org', 'Jon Berg'],
    ]);
    expect(JSON.stringify(other)).not.toContain('ines@example.org');
  });

  it('lists a partner under their own address when they let their matches see it', async () => {
    const sharing = contact('mentor', {
      displayName: 'Jon Berg',
      email: 'jon@example.org',
      emailVisibleToMatches: true,
    });
    const invitation = invitationOf(
      await renderer.address(delivery('mentee', 'mentor'), lookups([mentee, sharing])),
    );
    expect(invitation.attendees).toEqual([
      ['MAILTO:ines@example.org', 'Ines Rocha'],
      ['MAILTO:jon@example.org', 'Jon Berg'],
    ]);
    // The mentee did not share theirs: the mentor's copy still withholds it.
    const other = invitationOf(
      await renderer.address(delivery('mentor', 'mentee'), lookups([mentee, sharing])),
    );
    expect(other.attendees[0]).toEqual([
      `MAILTO:${withheldAddress(tenantId, 'mentee')}`,
      'Ines Rocha',
    ]);
  });

  it('names an erased partner as a former participant, in the invitation and the text', async () => {
    const erased = contact('mentor', { erased: true, version: Number.MAX_SAFE_INTEGER });
    const invitation = invitationOf(
      await renderer.address(delivery('mentee', 'mentor'), lookups([mentee, erased])),
    );
    expect(invitation.attendees[1]).toEqual([
      `MAILTO:${withheldAddress(tenantId, 'mentor')}`,
      'a former participant',
    ]);
    expect(invitation.text).toContain('a former participant');
    expect(invitation.text).not.toContain('Jon Berg');
  });
});
