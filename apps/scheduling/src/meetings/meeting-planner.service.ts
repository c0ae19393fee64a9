import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MatchFacts } from '@medmentor/contracts';
import {
  expandSeries,
  findCommonSlots,
  isCommonSlot,
  planSeries,
  type Interval,
  type Occurrence,
  type Participant,
} from '@medmentor/scheduling-engine';
import { AnnouncementRepository } from '../announcements/announcement.repository';
import { CLOCK, type Clock } from '../config/clock';
import { SCHEDULING_CONFIG, type SchedulingConfig } from '../config/scheduling-config';
import { DirectoryService } from '../directory/directory.service';
import type { ProgramCadence } from '../directory/schemas/program-cadence.schema';
import { meetingEvent, relationshipEvent, type EventCause } from './meeting-events';
import { MatchRepository } from './match.repository';
import { MeetingRepository, type MeetingWithEvents } from './meeting.repository';
import { PairCalendarService } from './pair-calendar.service';
import { reminderState } from './reminder-plan';
import type { Match } from './schemas/match.schema';
import type { Meeting } from './schemas/meeting.schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How far a check-in may move from its rule's date to land on a common slot. */
const NUDGE_DAYS = 3;

export const kickoffId = (matchId: string): string => `${matchId}:kickoff`;
export const checkInId = (matchId: string, occurrence: number): string =>
  `${matchId}:check-in:${occurrence}`;
export const seriesIdOf = (matchId: string): string => `${matchId}:series`;

/**
 * Plans a new mentorship: one kickoff at the earliest common slot in the program's kickoff
 * window, then the check-in series of the program's cadence. Every meeting has a natural
 * id and the outcome is settled by one conditional update, so planning a match twice
 * (redelivery, two replicas, the retry timer) creates nothing twice.
 */
@Injectable()
export class MeetingPlanner {
  private readonly logger = new Logger(MeetingPlanner.name);

  constructor(
    private readonly matches: MatchRepository,
    private readonly meetings: MeetingRepository,
    private readonly directory: DirectoryService,
    private readonly pairs: PairCalendarService,
    private readonly announcements: AnnouncementRepository,
    @Inject(SCHEDULING_CONFIG) private readonly config: SchedulingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async activate(facts: MatchFacts, cause: EventCause): Promise<void> {
    const now = this.clock.now();
    await this.matches.insertIfAbsent({
      _id: facts.matchId,
      tenantId: facts.tenantId,
      programId: facts.programId,
      role: facts.role,
      menteeId: facts.menteeId,
      mentorId: facts.mentorId,
      status: 'active',
      activatedAt: new Date(facts.at),
      milestones: [],
      resources: [],
      rev: 0,
      createdAt: now,
    });
    await this.plan(facts.tenantId, facts.matchId, cause);
  }

  /** Plans the match if it is active and not planned yet; does nothing otherwise. */
  async plan(tenantId: string, matchId: string, cause: EventCause = {}): Promise<void> {
    const match = await this.matches.find({ tenantId, _id: matchId });
    if (!match || match.status !== 'active' || match.kickoff) return;
    const program = await this.directory.program(tenantId, match.programId);
    const now = this.clock.now().getTime();
    const windowDays = program?.kickoffWindowDays ?? 14;
    const earliest = now + this.config.SCHEDULING_MIN_NOTICE_HOURS * HOUR;
    const latest = Math.max(match.activatedAt.getTime() + windowDays * DAY, earliest + DAY);
    const window = { start: earliest, end: latest };
    const existing = await this.meetings.findById({ tenantId, _id: kickoffId(matchId) });
    const calendar = await this.pairs.load(match, {
      start: now,
      end: now + (this.config.SCHEDULING_HORIZON_DAYS + windowDays) * DAY,
    });
    if (!program || !calendar.ok) {
      // Profiles' events may still be on their way: the timer retries until the window closes.
      if (now < latest && !existing) return;
      if (!existing)
        return this.noSlot(match, window, calendar.ok ? 'profile-missing' : calendar.reason, cause);
    }
    let kickoff = existing;
    if (!kickoff && calendar.ok && program) {
      const [slot] = findCommonSlots({
        participants: calendar.participants,
        busy: calendar.meetings,
        window,
        durationMinutes: this.config.SCHEDULING_KICKOFF_MINUTES,
        limit: 1,
      });
      if (!slot) return this.noSlot(match, window, 'no-overlap', cause);
      const meeting = this.newMeeting(
        match,
        program,
        calendar,
        'kickoff',
        kickoffId(matchId),
        slot,
      );
      await this.meetings.insertNew([
        {
          meeting,
          events: [meetingEvent('medmentor.scheduling.meeting.scheduled', meeting, {}, cause)],
        },
      ]);
      kickoff = await this.meetings.findById({ tenantId, _id: kickoffId(matchId) });
    }
    if (!kickoff || !program || !calendar.ok) return;
    const series = this.planCheckIns(match, program, kickoff, calendar, now, cause);
    await this.meetings.insertNew(series.items);
    await this.matches.settlePlanning(
      { tenantId, _id: matchId },
      {
        kickoff: 'scheduled',
        series: { ...series.plan, id: seriesIdOf(matchId), horizon: new Date(series.horizon) },
        health: 'on-track',
        reviewAt: kickoff.end,
      },
      [],
    );
  }

  private async noSlot(
    match: Match,
    window: Interval,
    reason: 'no-overlap' | 'availability-missing' | 'profile-missing',
    cause: EventCause,
  ): Promise<void> {
    const event = relationshipEvent(
      'medmentor.scheduling.slot.not-found',
      match,
      this.clock.now(),
      {
        kind: 'kickoff',
        windowStart: new Date(window.start).toISOString(),
        windowEnd: new Date(window.end).toISOString(),
        durationMinutes: this.config.SCHEDULING_KICKOFF_MINUTES,
        reason,
      },
      cause,
    );
    const announced = await this.announcements.announceOnce(
      `no-common-slot:${match._id}`,
      match.tenantId,
      [event],
      this.clock.now(),
    );
    await this.matches.settlePlanning(
      { tenantId: match.tenantId, _id: match._id },
      { kickoff: 'no-common-slot' },
      [],
    );
    if (announced)
      this.logger.log(`match ${match._id}: no common slot for the kickoff (${reason})`);
  }

  private planCheckIns(
    match: Match,
    program: ProgramCadence,
    kickoff: Meeting,
    calendar: {
      participants: [Participant, Participant];
      meetings: Interval[];
      menteeTimeZone: string;
      mentorTimeZone: string;
    },
    now: number,
    cause: EventCause,
  ): { plan: ReturnType<typeof planSeries>; items: MeetingWithEvents[]; horizon: number } {
    const plan = planSeries({
      phases: program.cadence,
      timeZone: calendar.menteeTimeZone,
      after: kickoff.start.getTime(),
      durationMinutes: this.config.SCHEDULING_CHECK_IN_MINUTES,
      // Nothing tells scheduling about a job search yet: `while` phases are skipped (README).
      conditions: { jobSearching: false },
    });
    const horizon = now + this.config.SCHEDULING_HORIZON_DAYS * DAY;
    const taken: Interval[] = [
      ...calendar.meetings,
      { start: kickoff.start.getTime(), end: kickoff.end.getTime() },
    ];
    const items = expandSeries(plan, { until: horizon }).map((occurrence) => {
      const slot = this.nudge(occurrence, calendar.participants, taken);
      taken.push(slot);
      const meeting = this.newMeeting(
        match,
        program,
        calendar,
        'check-in',
        checkInId(match._id, occurrence.index),
        slot,
        occurrence.index,
      );
      return {
        meeting,
        events: [meetingEvent('medmentor.scheduling.meeting.scheduled', meeting, {}, cause)],
      };
    });
    return { plan, items, horizon };
  }

  /**
   * The rule's date when both can attend; else the nearest common slot within a few days
   * (busy time and the two zones' different DST dates can push one occurrence); else the
   * rule's date, for the pair to move.
   */
  private nudge(
    occurrence: Occurrence,
    participants: readonly Participant[],
    taken: readonly Interval[],
  ): Interval {
    const slot = { start: occurrence.start, end: occurrence.end };
    if (isCommonSlot({ participants, busy: taken }, slot)) return slot;
    const candidates = findCommonSlots({
      participants,
      busy: taken,
      window: {
        start: occurrence.start - NUDGE_DAYS * DAY,
        end: occurrence.end + NUDGE_DAYS * DAY,
      },
      durationMinutes: (occurrence.end - occurrence.start) / 60_000,
      limit: 200,
    });
    const nearest = candidates.sort(
      (a, b) => Math.abs(a.start - occurrence.start) - Math.abs(b.start - occurrence.start),
    )[0];
    return nearest ? { start: nearest.start, end: nearest.end } : slot;
  }

  private newMeeting(
    match: Match,
    program: ProgramCadence,
    calendar: { menteeTimeZone: string; mentorTimeZone: string },
    kind: Meeting['kind'],
    id: string,
    slot: Interval,
    occurrence?: number,
  ): Meeting {
    const now = this.clock.now();
    const start = new Date(slot.start);
    return {
      _id: id,
      tenantId: match.tenantId,
      matchId: match._id,
      programId: match.programId,
      role: match.role,
      kind,
      ...(occurrence !== undefined && { seriesId: seriesIdOf(match._id), occurrence }),
      menteeId: match.menteeId,
      mentorId: match.mentorId,
      menteeTimeZone: calendar.menteeTimeZone,
      mentorTimeZone: calendar.mentorTimeZone,
      start,
      end: new Date(slot.end),
      status: 'scheduled',
      sequence: 0,
      videoUrl: new URL(
        encodeURIComponent(id),
        this.config.SCHEDULING_VIDEO_BASE_URL.endsWith('/')
          ? this.config.SCHEDULING_VIDEO_BASE_URL
          : `${this.config.SCHEDULING_VIDEO_BASE_URL}/`,
      ).toString(),
      agenda: [],
      notes: '',
      actionItems: [],
      feedback: [],
      ...reminderState(start, program.reminderOffsetsMinutes, now),
      createdAt: now,
    };
  }
}
