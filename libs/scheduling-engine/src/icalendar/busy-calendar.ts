import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { mergeIntervals, type Interval } from '../time/interval';

export class CalendarParseError extends Error {
  readonly code = 'CALENDAR_PARSE_ERROR';
  constructor(message: string) {
    super(message);
    this.name = 'CalendarParseError';
  }
}

export interface BusyCalendarOptions {
  /** The person's zone: all-day and floating times are read on their clock. */
  timeZone: string;
  /** Only busy time inside this span is kept (recurring events are expanded up to its end). */
  window: Interval;
  /** Refuse calendars that expand to more events than this. */
  maxEvents?: number;
}

export interface BusyCalendar {
  busy: Interval[];
  /** Events read (recurring ones counted per occurrence inside the window). */
  events: number;
}

const isIanaZone = (zone: string): boolean => DateTime.now().setZone(zone).isValid;

/** An occurrence's instant: IANA TZIDs by the IANA rules, other zones by their VTIMEZONE, floating on the person's clock. */
const instantOf = (time: ICAL.Time, tzid: string | undefined, personZone: string): number => {
  if (time.isDate) {
    return DateTime.fromObject(
      { year: time.year, month: time.month, day: time.day },
      { zone: personZone },
    ).toMillis();
  }
  const zoneName = time.zone?.tzid;
  if (zoneName === 'UTC' || zoneName === 'Z') return time.toUnixTime() * 1000;
  const wall = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    second: time.second,
  };
  if (tzid && isIanaZone(tzid)) return DateTime.fromObject(wall, { zone: tzid }).toMillis();
  if (tzid && zoneName === tzid) return time.toUnixTime() * 1000;
  return DateTime.fromObject(wall, { zone: personZone }).toMillis();
};

const parse = (text: string): ICAL.Component => {
  try {
    const component = new ICAL.Component(ICAL.parse(text) as unknown[]);
    if (component.name !== 'vcalendar')
      throw new Error(`expected VCALENDAR, found ${component.name.toUpperCase()}`);
    return component;
  } catch (error) {
    throw new CalendarParseError(`not an iCalendar file: ${(error as Error).message}`);
  }
};

/**
 * The busy time in a physician's call or shift schedule (an uploaded .ics): every event
 * that is not cancelled or marked free (TRANSP:TRANSPARENT), recurring events expanded with
 * their exceptions, clipped to the window and merged.
 */
export const readBusyCalendar = (text: string, options: BusyCalendarOptions): BusyCalendar => {
  const calendar = parse(text);
  // ical.js keeps zones in a process-wide registry: register this file's for the read only.
  const zones = calendar.getAllSubcomponents('vtimezone');
  const registered = zones.map((vtimezone) => String(vtimezone.getFirstPropertyValue('tzid')));
  zones.forEach((vtimezone) => ICAL.TimezoneService.register(vtimezone));
  try {
    return readEvents(calendar, options);
  } finally {
    registered.forEach((tzid) => ICAL.TimezoneService.remove(tzid));
  }
};

const MAX_ITERATIONS = 200_000;

const readEvents = (calendar: ICAL.Component, options: BusyCalendarOptions): BusyCalendar => {
  const maxEvents = options.maxEvents ?? 10_000;
  const busy: Interval[] = [];
  let events = 0;
  const keep = (start: number, end: number) => {
    events += 1;
    if (events > maxEvents)
      throw new CalendarParseError(`more than ${maxEvents} events in the window`);
    const clipped = {
      start: Math.max(start, options.window.start),
      end: Math.min(end, options.window.end),
    };
    if (clipped.end > clipped.start) busy.push(clipped);
  };
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
    const transp = String(vevent.getFirstPropertyValue('transp') ?? '').toUpperCase();
    if (status === 'CANCELLED' || transp === 'TRANSPARENT') continue;
    // Overrides (RECURRENCE-ID) are applied through their master event.
    if (vevent.hasProperty('recurrence-id')) continue;
    const event = new ICAL.Event(vevent, { strictExceptions: false });
    for (const exception of calendar.getAllSubcomponents('vevent')) {
      if (
        exception.hasProperty('recurrence-id') &&
        exception.getFirstPropertyValue('uid') === event.uid
      ) {
        event.relateException(exception);
      }
    }
    if (!event.startDate)
      throw new CalendarParseError(`event ${event.uid ?? '(no UID)'} has no DTSTART`);
    const startTzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid') as
      string | undefined;
    const endTzid =
      (vevent.getFirstProperty('dtend')?.getParameter('tzid') as string | undefined) ?? startTzid;
    const span = (start: ICAL.Time, end: ICAL.Time | undefined) => {
      const from = instantOf(start, startTzid, options.timeZone);
      const to = end
        ? instantOf(end, endTzid, options.timeZone)
        : start.isDate
          ? DateTime.fromMillis(from, { zone: options.timeZone }).plus({ days: 1 }).toMillis()
          : from;
      return { from, to };
    };
    if (!event.isRecurring()) {
      const { from, to } = span(event.startDate, event.endDate);
      keep(from, to);
      continue;
    }
    const iterator = event.iterator();
    let iterations = 0;
    for (let next = iterator.next(); next; next = iterator.next()) {
      iterations += 1;
      if (iterations > MAX_ITERATIONS)
        throw new CalendarParseError(`event ${event.uid} repeats too often to expand`);
      const details = event.getOccurrenceDetails(next);
      const { from, to } = span(details.startDate, details.endDate);
      if (from >= options.window.end) break;
      if (to > options.window.start) keep(from, to);
    }
  }
  return { busy: mergeIntervals(busy), events };
};
