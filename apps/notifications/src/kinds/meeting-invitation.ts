import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MeetingFacts } from '@medmentor/contracts';
import type { MessageAttachment } from '../delivery/planned-message';

/**
 * The iCalendar invitation (RFC 5545) sent with a scheduled, moved or cancelled meeting. The
 * UID is the meeting id and SEQUENCE the meeting's sequence, so calendars update the same
 * entry instead of adding a new one.
 */
export const meetingInvitation = (
  meeting: MeetingFacts,
  summary: string,
  cancelled = false,
): MessageAttachment => {
  const calendar = ical({
    prodId: { company: 'MedMentor', product: 'notifications', language: 'EN' },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: meeting.meetingId,
    sequence: meeting.sequence,
    start: new Date(meeting.start),
    end: new Date(meeting.end),
    summary,
    ...(meeting.videoUrl !== undefined && { url: meeting.videoUrl, location: meeting.videoUrl }),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return {
    filename: 'invite.ics',
    contentType: `text/calendar; method=${cancelled ? 'CANCEL' : 'REQUEST'}; charset=utf-8`,
    content: Buffer.from(calendar.toString()).toString('base64'),
  };
};
