import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MatchFacts } from '@medmentor/contracts';
import {
  expandSeries,
  findCommonSlots,
  planSeries,
  type Interval,
  type SeriesPlan,
} from '@medmentor/scheduling-engine';
import { AnnouncementRepository } from '../announcements/announcement.repository';
import { CLOCK, type Clock } from '../config/clock';
import type { AgendaTemplate } from '../programs/schemas/agenda-template.schema';
import { SCHEDULING_CONFIG, type SchedulingConfig } from '../config/scheduling-config';
import { DirectoryService } from '../directory/directory.service';
import type { ProgramCadence } from '../directory/schemas/program-cadence.schema';
import { relationshipEvent, type EventCause } from './meeting-events';
import { kickoffId, MeetingFactory, seriesIdOf, type PairZones } from './meeting-factory.service';
import { MatchRepository } from './match.repository';
import { MeetingRepository, type MeetingWithEvents } from './meeting.repository';
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
    const match = await this.matches.record({
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
      createdAt: this.clock.now(),
    });
    await this.planMatch(match, cause);
  }

  /** Plans the match if it is active and not planned yet; does nothing otherwise. */
  async plan(tenantId: string, matchId: string, cause: EventCause = {}): Promise<void> {
    await this.planMatch(await this.matches.find({ tenantId, _id: matchId }), cause);
  }

  /**
   * One read per collection (match, program, templates, the pair's profiles, busy time and
   * meetings), the kickoff and its check-ins in one insert, the outcome in one update. The
   * kickoff is looked up by id only when the pair's scheduled meetings do not show it and
   * something final would follow (giving up, or a failed insert).
   */
  private async planMatch(match: Match | null, cause: EventCause): Promise<void> {
    if (!match || match.status !== 'active' || match.kickoff) return;
    const program = await this.directory.program(match.tenantId, match.programId);
    const now = this.clock.now().getTime();
    const windowDays = program?.kickoffWindowDays ?? 14;
    const earliest = now + this.config.SCHEDULING_MIN_NOTICE_HOURS * HOUR;
    const latest = Math.max(match.activatedAt.getTime() + windowDays * DAY, earliest + DAY);
    const window = { start: earliest, end: latest };
    const calendar = await this.pairs.load(match, {
      start: now,
      end: now + (this.config.SCHEDULING_HORIZON_DAYS + windowDays) * DAY,
    });
    const stored = () =>
      this.meetings.findById({ tenantId: match.tenantId, _id: kickoffId(match._id) });
    if (!program || !calendar.ok) {
      // Profiles' events may still be on their way: the timer retries until the window closes.
      if (now < latest) return;
      const existing = await stored();
      if (!existing)
        return this.noSlot(match, window, calendar.ok ? 'profile-missing' : calendar.reason, cause);
      return;
    }
    const templates = await this.factory.templatesOf(match);
    const scheduled = calendar.scheduled.find((m) => m._id === kickoffId(match._id));
    if (scheduled) return this.settle(match, program, scheduled, calendar, templates, cause);
    const [slot] = findCommonSlots({
      participants: calendar.participants,
      busy: calendar.meetings,
      window,
      durationMinutes: this.config.SCHEDULING_KICKOFF_MINUTES,
      limit: 1,
    });
    if (!slot) {
      const existing = await stored();
      if (existing) return this.settle(match, program, existing, calendar, templates, cause);
      return this.noSlot(match, window, 'no-overlap', cause);
    }
    await this.schedule(match, program, calendar, slot, templates, cause);
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
    const templates = await this.factory.templatesOf(match);
    return this.schedule(match, program, calendar, slot, templates, cause, 'no-common-slot');
  }

  /**
   * Stores the kickoff at `slot` with the check-ins that follow it, in one insert, kickoff
   * first; when a kickoff is stored already (another replica, a redelivery, a repeated
   * request), its series follows the stored one instead. Returns the stored kickoff.
   */
  private async schedule(
    match: Match,
    program: ProgramCadence,
    calendar: PairZones,
    slot: Interval,
    templates: readonly AgendaTemplate[],
    cause: EventCause,
    from?: KickoffState,
  ): Promise<Meeting | null> {
    const kickoff = this.factory.kickoff(match, program, calendar, slot, templates, cause);
    const series = this.series(match, program, kickoff.meeting, calendar, templates, cause);
    if (await this.meetings.insertAfterFirst(kickoff, series.checkIns)) {
      await this.record(match, kickoff.meeting, series, from);
      return kickoff.meeting;
    }
    const existing = await this.meetings.findById({
      tenantId: match.tenantId,
      _id: kickoffId(match._id),
    });
    if (existing) await this.settle(match, program, existing, calendar, templates, cause, from);
    return existing;
  }

  /** Stores the check-ins following a stored kickoff and records the outcome on the match, once. */
  private async settle(
    match: Match,
    program: ProgramCadence,
    kickoff: Meeting,
    calendar: PairZones,
    templates: readonly AgendaTemplate[],
    cause: EventCause,
    from?: KickoffState,
  ): Promise<void> {
    const series = this.series(match, program, kickoff, calendar, templates, cause);
    await this.meetings.insertNew(series.checkIns);
    await this.record(match, kickoff, series, from);
  }

  /** The check-ins up to the horizon after the kickoff, nudged onto common slots. */
  private series(
    match: Match,
    program: ProgramCadence,
    kickoff: Meeting,
    calendar: PairZones,
    templates: readonly AgendaTemplate[],
    cause: EventCause,
  ): { plan: SeriesPlan; horizon: number; checkIns: MeetingWithEvents[] } {
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
    const occurrences = expandSeries(plan, { until: horizon });
    return {
      plan,
      horizon,
      checkIns: this.factory.checkIns(
        match,
        program,
        plan,
        occurrences,
        calendar,
        taken,
        templates,
        cause,
      ),
    };
  }

  /** The outcome on the match, only while none is set (or it is still `from`). */
  private async record(
    match: Match,
    kickoff: Meeting,
    series: { plan: SeriesPlan; horizon: number },
    from?: KickoffState,
  ): Promise<void> {
    await this.matches.settlePlanning(
      { tenantId: match.tenantId, _id: match._id },
      {
        kickoff: 'scheduled',
        series: { ...series.plan, id: seriesIdOf(match._id), horizon: new Date(series.horizon) },
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
