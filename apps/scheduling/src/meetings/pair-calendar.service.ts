import { Injectable } from '@nestjs/common';
import type { Interval, Participant } from '@medmentor/scheduling-engine';
import { BusyService } from '../busy/busy.service';
import { DirectoryService } from '../directory/directory.service';
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
    const ids = [pair.menteeId, pair.mentorId];
    const people = await this.directory.physicians(pair.tenantId, ids);
    const mentee = people.find((p) => p._id === pair.menteeId);
    const mentor = people.find((p) => p._id === pair.mentorId);
    if (!mentee?.timeZone || !mentor?.timeZone || mentee.erased || mentor.erased)
      return { ok: false, reason: 'profile-missing' };
    if (!mentee.availability?.length || !mentor.availability?.length)
      return { ok: false, reason: 'availability-missing' };
    const [busy, scheduled] = await Promise.all([
      this.busy.busyOf(pair.tenantId, ids),
      this.meetings.scheduledOf({
        tenantId: pair.tenantId,
        physicianIds: ids,
        from: new Date(window.start),
        to: new Date(window.end),
      }),
    ]);
    const mine = scheduled.filter((m) => !exceptMeetingIds.includes(m._id));
    return {
      ok: true,
      scheduled: mine,
      participants: [
        {
          timeZone: mentee.timeZone,
          availability: mentee.availability,
          busy: busy.get(mentee._id) ?? [],
        },
        {
          timeZone: mentor.timeZone,
          availability: mentor.availability,
          busy: busy.get(mentor._id) ?? [],
        },
      ],
      meetings: mine.map((m) => ({ start: m.start.getTime(), end: m.end.getTime() })),
      menteeTimeZone: mentee.timeZone,
      mentorTimeZone: mentor.timeZone,
    };
  }
}
