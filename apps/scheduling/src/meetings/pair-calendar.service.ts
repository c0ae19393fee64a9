import { Injectable } from '@nestjs/common';
import type { Interval, Participant } from '@medmentor/scheduling-engine';
import { BusyService } from '../busy/busy.service';
import { DirectoryService } from '../directory/directory.service';
import type { PhysicianCalendar } from '../directory/schemas/physician-calendar.schema';
import { MeetingRepository } from './meeting.repository';
import type { Meeting } from './schemas/meeting.schema';

export interface Pair {
  tenantId: string;
  menteeId: string;
  mentorId: string;
}

export type PairCalendar =
  | {
      ok: true;
      participants: [Participant, Participant];
      meetings: Interval[];
      /** The pair's scheduled meetings in the window (`meetings` are their times). */
      scheduled: Meeting[];
      menteeTimeZone: string;
      mentorTimeZone: string;
    }
  | { ok: false; reason: 'profile-missing' | 'availability-missing' };

/** What `load` reads, for the pairs of one tenant at once: their profiles, busy time, meetings. */
export interface TenantCalendars {
  people: Map<string, PhysicianCalendar>;
  busy: Map<string, Interval[]>;
  /** Scheduled meetings of any of the physicians read, overlapping the window read. */
  scheduled: Meeting[];
}

/** Everything slot search needs about a pair: zones, availability, busy time and meetings. */
@Injectable()
export class PairCalendarService {
  constructor(
    private readonly directory: DirectoryService,
    private readonly busy: BusyService,
    private readonly meetings: MeetingRepository,
  ) {}

  async load(
    pair: Pair,
    window: Interval,
    exceptMeetingIds: readonly string[] = [],
  ): Promise<PairCalendar> {
    return calendarOf(
      pair,
      await this.loadTenant(pair.tenantId, [pair], window),
      window,
      exceptMeetingIds,
    );
  }

  /**
   * One read per collection for all these pairs of one tenant (profiles; then busy time and
   * meetings in `window`, only when some pair has both profiles); `calendarOf` takes each
   * pair's part.
   */
  async loadTenant(
    tenantId: string,
    pairs: readonly Pair[],
    window: Interval,
  ): Promise<TenantCalendars> {
    const ids = [...new Set(pairs.flatMap((p) => [p.menteeId, p.mentorId]))];
    const people = new Map(
      (await this.directory.physicians(tenantId, ids)).map((p) => [p._id, p] as const),
    );
    const complete = pairs.filter(
      (p) => missing(people.get(p.menteeId), people.get(p.mentorId)) === undefined,
    );
    if (complete.length === 0) return { people, busy: new Map(), scheduled: [] };
    const known = [...new Set(complete.flatMap((p) => [p.menteeId, p.mentorId]))];
    const [busy, scheduled] = await Promise.all([
      this.busy.busyOf(tenantId, known),
      this.meetings.scheduledOf({
        tenantId,
        physicianIds: known,
        from: new Date(window.start),
        to: new Date(window.end),
      }),
    ]);
    return { people, busy, scheduled };
  }
}

const missing = (
  mentee: PhysicianCalendar | undefined,
  mentor: PhysicianCalendar | undefined,
): 'profile-missing' | 'availability-missing' | undefined => {
  if (!mentee?.timeZone || !mentor?.timeZone || mentee.erased || mentor.erased)
    return 'profile-missing';
  if (!mentee.availability?.length || !mentor.availability?.length) return 'availability-missing';
  return undefined;
};

/** A pair's calendar in `window` (inside the window read) from what `loadTenant` read. */
export const calendarOf = (
  pair: Pair,
  reads: TenantCalendars,
  window: Interval,
  exceptMeetingIds: readonly string[] = [],
): PairCalendar => {
  const mentee = reads.people.get(pair.menteeId);
  const mentor = reads.people.get(pair.mentorId);
  const reason = missing(mentee, mentor);
  if (reason || !mentee?.timeZone || !mentor?.timeZone)
    return { ok: false, reason: reason ?? 'profile-missing' };
  const ids = [pair.menteeId, pair.mentorId];
  const mine = reads.scheduled.filter(
    (m) =>
      (ids.includes(m.menteeId) || ids.includes(m.mentorId)) &&
      m.start.getTime() < window.end &&
      m.end.getTime() > window.start &&
      !exceptMeetingIds.includes(m._id),
  );
  return {
    ok: true,
    scheduled: mine,
    participants: [
      {
        timeZone: mentee.timeZone,
        availability: mentee.availability ?? [],
        busy: reads.busy.get(mentee._id) ?? [],
      },
      {
        timeZone: mentor.timeZone,
        availability: mentor.availability ?? [],
        busy: reads.busy.get(mentor._id) ?? [],
      },
    ],
    meetings: mine.map((m) => ({ start: m.start.getTime(), end: m.end.getTime() })),
    menteeTimeZone: mentee.timeZone,
    mentorTimeZone: mentor.timeZone,
  };
};
