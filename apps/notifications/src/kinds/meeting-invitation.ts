import { createHash } from 'node:crypto';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { MeetingFacts } from '@medmentor/contracts';
import type { MessageAttachment } from '../delivery/planned-message';

/**
 * What a delivery stores of a meeting invitation: the meeting, and the physicians taking part
 * by id. Names and addresses are filled in when the mail is sent (an erasure in between is
 * honoured, and no address is stored with the delivery).
 */
export interface InvitationSpec {
  meetingId: string;
  sequence: number;
  start: string;
  end: string;
  summary: string;
  videoUrl?: string;
  cancelled: boolean;
  /** Physician ids: the mentee, then the mentor. */
  participants: string[];
}

/** A calendar user as the invitation names them. */
export interface CalendarParty {
  name: string;
  email: string;
}

export const invitationSpec = (
  meeting: MeetingFacts,
  summary: string,
  cancelled = false,
): InvitationSpec => ({
  meetingId: meeting.meetingId,
  sequence: meeting.sequence,
  start: meeting.start,
  end: meeting.end,
  summary,
  ...(meeting.videoUrl !== undefined && { videoUrl: meeting.videoUrl }),
  cancelled,
  participants: [meeting.menteeId, meeting.mentorId],
});

/** `Name <address>` or a bare address (MAIL_FROM) as a calendar user. */
export const senderParty = (mailFrom: string, name?: string): CalendarParty => {
  const bracketed = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  const email = (bracketed?.[2] ?? mailFrom).trim();
  const ownName = bracketed?.[1]?.trim();
  return { name: name ?? (ownName !== undefined && ownName !== '' ? ownName : email), email };
};

/**
 * The address an attendee is listed under when their own may not be shown to the recipient:
 * profiles shows a physician's email to their matches only if they allow it, and this service
 * is not told whether they do. Stable per physician (so a CANCEL names the same attendee as
 * the REQUEST) and in the reserved `.invalid` domain (RFC 2606), so nothing is ever sent to it.
 */
export const withheldAddress = (tenantId: string, physicianId: string): string =>
  `participant-${createHash('sha256')
    .update(`${tenantId}:${physicianId}`)
    .digest('hex')
    .slice(0, 20)}@medmentor.invalid`;

// Line breaks and other control characters cannot stand in a parameter value.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/**
 * A name as a CN parameter value. A quoted parameter value cannot hold a double quote; RFC 6868
 * writes it `^'` (and `^` as `^^`), which calendar clients read back. The library escapes a
 * backslash in a way RFC 5545 does not define, so a backslash becomes a slash.
 */
const commonName = (name: string): string =>
  name
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/\\/g, '/')
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .trim();

/**
 * The iCalendar invitation (RFC 5545, iTIP methods of RFC 5546) sent with a scheduled, moved
 * or cancelled meeting. The UID is the meeting id and SEQUENCE the meeting's sequence, so
 * calendars update the same entry instead of adding a new one. ORGANIZER is the sender (the
 * mail's From, which clients compare with it); each participant is a required ATTENDEE named
 * by CN. A REQUEST asks for an answer (RSVP=TRUE); a CANCEL names the same ORGANIZER and
 * ATTENDEEs and asks for none.
 */
export const meetingInvitation = (
  spec: InvitationSpec,
  organizer: CalendarParty,
  attendees: CalendarParty[],
): MessageAttachment => {
  const method = spec.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({
    prodId: { company: 'MedMentor', product: 'notifications', language: 'EN' },
    method,
  });
  calendar.createEvent({
    id: spec.meetingId,
    sequence: spec.sequence,
    start: new Date(spec.start),
    end: new Date(spec.end),
    summary: spec.summary,
    ...(spec.videoUrl !== undefined && { url: spec.videoUrl, location: spec.videoUrl }),
    status: spec.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { ...organizer, name: commonName(organizer.name) },
    attendees: attendees.map((attendee) => ({
      email: attendee.email,
      name: commonName(attendee.name),
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: !spec.cancelled,
    })),
  });
  return {
    filename: 'invite.ics',
    contentType: `text/calendar; method=${method}; charset=utf-8`,
    content: Buffer.from(calendar.toString()).toString('base64'),
  };
};
