import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MatchFacts } from '@medmentor/contracts';
import {
  expandSeries,
  findCommonSlots,
  planSeries,
  type Interval,
} from '@medmentor/scheduling-engine';
import { AnnouncementRepository } from '../announcements/announcement.repository';
import { CLOCK, type Clock } from '../config/clock';
import { SCHEDULING_CONFIG, type SchedulingConfig } from '../config/scheduling-config';
import { DirectoryService } from '../directory/directory.service';
import type { ProgramCadence } from '../directory/schemas/program-cadence.schema';
import { relationshipEvent, type EventCause } from './meeting-events';
import { kickoffId, MeetingFactory, seriesIdOf, type PairZones } from './meeting-factory.service';
import { MatchRepository } from './match.repository';
import { MeetingRepository } from './meeting.repository';
import { PairCalendarService } from './pair-calendar.service';
import type { KickoffState, Match } from './schemas/match.schema';
import type { Meeting } from './schemas/meeting.schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Plans a new mentorship: one kickoff at the earliest common slot in the program's kickoff
 * window (or at the time the pair chose after `no common slot`), then the check-in series
 * of the program's cadence. Every meeting has a natural id and the outcome is settled by
 * one conditional update, so planning a match twice (redelivery, two replicas, the retry
 * timer, a repeated request) creates nothing twice.
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
    private readonly factory: MeetingFactory,
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
      return;
    }
    if (existing) return this.settle(match, program, existing, calendar, cause);
    const [slot] = findCommonSlots({
      participants: calendar.participants,
      busy: calendar.meetings,
      window,
      durationMinutes: this.config.SCHEDULING_KICKOFF_MINUTES,
      limit: 1,
    });
    if (!slot) return this.noSlot(match, window, 'no-overlap', cause);
    const kickoff = await this.insertKickoff(match, program, calendar, slot, cause);
    if (kickoff) await this.settle(match, program, kickoff, calendar, cause);
  }

  /**
   * Schedules the kickoff at a time the pair chose after `no common slot` (checked by the
   * caller), then the series from it. Returns the kickoff as stored: when another request
   * got there first, it is that one's.
   */
  async scheduleChosen(
    match: Match,
    program: ProgramCadence,
    calendar: PairZones,
    slot: Interval,
    cause: EventCause = {},
  ): Promise<Meeting | null> {
    const kickoff = await this.insertKickoff(match, program, calendar, slot, cause);
    if (kickoff) await this.settle(match, program, kickoff, calendar, cause, 'no-common-slot');
    return kickoff;
  }

  private async insertKickoff(
    match: Match,
    program: ProgramCadence,
    calendar: PairZones,
    slot: Interval,
    cause: EventCause,
  ): Promise<Meeting | null> {
    const templates = await this.factory.templatesOf(match);
    await this.meetings.insertNew([
      this.factory.kickoff(match, program, calendar, slot, templates, cause),
    ]);
    return this.meetings.findById({ tenantId: match.tenantId, _id: kickoffId(match._id) });
  }

  /** Stores the check-ins up to the horizon and records the outcome on the match, once. */
  private async settle(
    match: Match,
    program: ProgramCadence,
    kickoff: Meeting,
    calendar: PairZones,
    cause: EventCause,
    from?: KickoffState,
  ): Promise<void> {
    const plan = planSeries({
      phases: program.cadence,
      timeZone: calendar.menteeTimeZone,
      after: kickoff.start.getTime(),
      durationMinutes: this.config.SCHEDULING_CHECK_IN_MINUTES,
      // Nothing tells scheduling about a job search yet: `while` phases are skipped (README).
      conditions: { jobSearching: false },
    });
    const horizon = this.clock.now().getTime() + this.config.SCHEDULING_HORIZON_DAYS * DAY;
    const taken: Interval[] = [
      ...calendar.meetings,
      { start: kickoff.start.getTime(), end: kickoff.end.getTime() },
    ];
    const templates = await this.factory.templatesOf(match);
    const occurrences = expandSeries(plan, { until: horizon });
    await this.meetings.insertNew(
      this.factory.checkIns(match, program, plan, occurrences, calendar, taken, templates, cause),
    );
    await this.matches.settlePlanning(
      { tenantId: match.tenantId, _id: match._id },
      {
        kickoff: 'scheduled',
        series: { ...plan, id: seriesIdOf(match._id), horizon: new Date(horizon) },
        health: 'on-track',
        reviewAt: kickoff.end,
      },
      [],
      from,
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
}
