import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** What an invitation says about one meeting (one occurrence of a series is one meeting). */
export interface CalendarMeeting {
  /** Stable across reschedules, so a calendar updates the event instead of adding one. */
  uid: string;
  /** Grows with every change (RFC 5545 SEQUENCE). */
  sequence: number;
  start: number;
  end: number;
  title: string;
  description?: string;
  url?: string;
  status: 'scheduled' | 'completed' | 'cancelled';
  /** The RRULE text of the series this meeting belongs to, for information only. */
  seriesRule?: string;
}

export interface CalendarOptions {
  name: string;
  /** The product identifier: company and product of the PRODID line. */
  prodId: { company: string; product: string };
  /** REQUEST for an invitation; no method for a subscribed feed. */
  method?: 'request' | 'publish';
}

/**
 * An iCalendar document with one VEVENT per meeting, its times in UTC. Each meeting is its
 * own event rather than an RRULE expansion, because occurrences are moved one by one and
 * carry their own agenda; UTC times leave no VTIMEZONE for a client to misread.
 */
export const buildMeetingCalendar = (
  meetings: readonly CalendarMeeting[],
  options: CalendarOptions,
): string => {
  const calendar = ical({
    name: options.name,
    prodId: { ...options.prodId, language: 'EN' },
    ...(options.method === 'request' && { method: ICalCalendarMethod.REQUEST }),
    ...(options.method === 'publish' && { method: ICalCalendarMethod.PUBLISH }),
  });
  for (const meeting of meetings) {
    calendar.createEvent({
      id: meeting.uid,
      sequence: meeting.sequence,
      start: new Date(meeting.start),
      end: new Date(meeting.end),
      stamp: new Date(meeting.start),
      summary: meeting.title,
      description:
        [meeting.description, meeting.url && `Join: ${meeting.url}`].filter(Boolean).join('\n\n') ||
        null,
      url: meeting.url ?? null,
      location: meeting.url ?? null,
      status:
        meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
};
