import ICAL from 'ical.js';
import {
  invitationSpec,
  meetingInvitation,
  senderParty,
  withheldAddress,
  type CalendarParty,
} from './meeting-invitation';

const meeting = {
  meetingId: 'meeting-1',
  tenantId: 't1',
  matchId: 'm1',
  programId: 'p1',
  role: 'career' as const,
  kind: 'kickoff' as const,
  menteeId: 'mentee-1',
  mentorId: 'mentor-1',
  start: '2026-12-03T16:00:00.000Z',
  end: '2026-12-03T16:30:00.000Z',
  menteeTimeZone: 'Europe/Lisbon',
  mentorTimeZone: 'America/Chicago',
  videoUrl: 'https://video.example/room-1',
  sequence: 3,
};

const organizer: CalendarParty = { name: 'Lakeside Health', email: 'no-reply@medmentor.local' };
const attendees: CalendarParty[] = [
  { name: 'Ines "Nessa" Rocha, MD', email: 'ines@example.org' },
  { name: 'Jon Berg', email: withheldAddress('t1', 'mentor-1') },
];

/** Reads the attachment back as a calendar client would (ical.js, as the e2e suite does). */
const parse = (content: string) => {
  const calendar = new ICAL.Component(
    ICAL.parse(Buffer.from(content, 'base64').toString('utf8')) as unknown[],
  );
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (vevent === null) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  const party = (property: ICAL.Property) => ({
    address: String(property.getFirstValue()),
    cn: property.getParameter('cn'),
    role: property.getParameter('role'),
    partstat: property.getParameter('partstat'),
    rsvp: property.getParameter('rsvp'),
  });
  const organizerProperty = vevent.getFirstProperty('organizer');
  return {
    method: calendar.getFirstPropertyValue('method')?.toString(),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue('status')?.toString(),
    organizer: organizerProperty === null ? undefined : party(organizerProperty),
    attendees: event.attendees.map(party),
  };
};

describe('meetingInvitation', () => {
  it('is a REQUEST with the sender as ORGANIZER and each participant a required ATTENDEE', () => {
    const attachment = meetingInvitation(
      invitationSpec(meeting, 'Mentorship kickoff (career)'),
      organizer,
      attendees,
    );
    expect(attachment.filename).toBe('invite.ics');
    expect(attachment.contentType).toBe('text/calendar; method=REQUEST; charset=utf-8');
    expect(parse(attachment.content)).toEqual({
      method: 'REQUEST',
      uid: 'meeting-1',
      sequence: 3,
      start: meeting.start,
      end: meeting.end,
      status: 'CONFIRMED',
      organizer: {
        address: 'mailto:no-reply@medmentor.local',
        cn: 'Lakeside Health',
        role: undefined,
        partstat: undefined,
        rsvp: undefined,
      },
      attendees: [
        {
          address: 'MAILTO:ines@example.org',
          cn: 'Ines "Nessa" Rocha, MD',
          role: 'REQ-PARTICIPANT',
          partstat: 'NEEDS-ACTION',
          rsvp: 'TRUE',
        },
        {
          address: `MAILTO:${withheldAddress('t1', 'mentor-1')}`,
          cn: 'Jon Berg',
          role: 'REQ-PARTICIPANT',
          partstat: 'NEEDS-ACTION',
          rsvp: 'TRUE',
        },
      ],
    });
  });

  it('cancels with the same UID, ORGANIZER and ATTENDEEs, a later SEQUENCE and no RSVP asked', () => {
    const request = parse(
      meetingInvitation(invitationSpec(meeting, 'Kickoff'), organizer, attendees).content,
    );
    const attachment = meetingInvitation(
      invitationSpec({ ...meeting, sequence: 4 }, 'Kickoff', true),
      organizer,
      attendees,
    );
    expect(attachment.contentType).toBe('text/calendar; method=CANCEL; charset=utf-8');
    const cancel = parse(attachment.content);
    expect(cancel).toMatchObject({ method: 'CANCEL', uid: 'meeting-1', sequence: 4 });
    expect(cancel.status).toBe('CANCELLED');
    expect(cancel.organizer).toEqual(request.organizer);
    expect(cancel.attendees.map(({ address, cn, role }) => ({ address, cn, role }))).toEqual(
      request.attendees.map(({ address, cn, role }) => ({ address, cn, role })),
    );
    expect(cancel.attendees.map((a) => a.rsvp)).toEqual(['FALSE', 'FALSE']);
  });

  it('keeps hostile names inside their CN parameter (quotes, carets, line breaks, colons)', () => {
    const hostile = 'Eve^"\r\nATTENDEE:MAILTO:x@evil.example\\';
    const parsed = parse(
      meetingInvitation(invitationSpec(meeting, 'Kickoff'), organizer, [
        { name: hostile, email: 'eve@example.org' },
      ]).content,
    );
    expect(parsed.attendees).toHaveLength(1);
    expect(parsed.attendees[0]).toMatchObject({
      address: 'MAILTO:eve@example.org',
      cn: 'Eve^" ATTENDEE:MAILTO:x@evil.example/',
    });
  });

  it('stores the meeting and its participants by id, no name or address', () => {
    expect(invitationSpec(meeting, 'Kickoff')).toEqual({
      meetingId: 'meeting-1',
      sequence: 3,
      start: meeting.start,
      end: meeting.end,
      summary: 'Kickoff',
      videoUrl: 'https://video.example/room-1',
      cancelled: false,
      participants: ['mentee-1', 'mentor-1'],
    });
  });
});

describe('senderParty', () => {
  it('reads MAIL_FROM with or without a display name', () => {
    expect(senderParty('MedMentor <no-reply@medmentor.local>')).toEqual({
      name: 'MedMentor',
      email: 'no-reply@medmentor.local',
    });
    expect(senderParty('"Lakeside, Mentoring" <mentor@lakeside.example>', 'Lakeside')).toEqual({
      name: 'Lakeside',
      email: 'mentor@lakeside.example',
    });
    expect(senderParty('no-reply@medmentor.local')).toEqual({
      name: 'no-reply@medmentor.local',
      email: 'no-reply@medmentor.local',
    });
  });
});

describe('withheldAddress', () => {
  it('is stable per physician, differs between physicians and tenants, and never delivers', () => {
    expect(withheldAddress('t1', 'a')).toBe(withheldAddress('t1', 'a'));
    expect(withheldAddress('t1', 'a')).not.toBe(withheldAddress('t1', 'b'));
    expect(withheldAddress('t1', 'a')).not.toBe(withheldAddress('t2', 'a'));
    expect(withheldAddress('t1', 'a')).toMatch(/^participant-[0-9a-f]{20}@medmentor\.invalid$/);
  });
});
