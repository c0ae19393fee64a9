import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MatchFacts } from '@medmentor/contracts';
import { GroupCommitQueue } from '@medmentor/messaging';
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
import { calendarOf, PairCalendarService, type TenantCalendars } from './pair-calendar.service';
import type { KickoffState, Match } from './schemas/match.schema';
import type { Meeting } from './schemas/meeting.schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Activation {
  facts: MatchFacts;
  cause: EventCause;
}

/** What planning decided for one match of a group, before anything is written. */
type Decision =
  | { kind: 'wait' }
  | { kind: 'schedule'; kickoff: MeetingWithEvents; series: Series; retry: Retry }
  | { kind: 'settle'; kickoff: Meeting; series: Series }
  /** No slot (or no profile after the window): unless its kickoff is stored after all. */
  | { kind: 'no-slot'; window: Interval; reason: NoSlotReason; retry: Retry | undefined };

type NoSlotReason = 'no-overlap' | 'availability-missing' | 'profile-missing';
type Series = { plan: SeriesPlan; horizon: number; checkIns: MeetingWithEvents[] };
/** How to settle from a kickoff found stored: absent when planning only waits then. */
type Retry = { program: ProgramCadence; calendar: PairZones; templates: AgendaTemplate[] };

interface Planned {
  match: Match;
  cause: EventCause;
  decision: Decision;
}

/**
 * Plans a new mentorship: one kickoff at the earliest common slot in the program's kickoff
 * window (or at the time the pair chose after `no common slot`), then the check-in series
 * of the program's cadence. Every meeting has a natural id and the outcome is settled by
 * one conditional update, so planning a match twice (redelivery, two replicas, the retry
 * timer, a repeated request) creates nothing twice.
 *
 * Activations handed over while a group is being planned (the consumer's partitions run
 * concurrently) are planned together next: one read per collection per tenant for the whole
 * group, the matches planned one after the other against those reads and the meetings the
 * group has planned so far (so two matches of one physician do not take the same time), then
 * one insert for the kickoffs, one for the check-ins, one for the no-slot announcements and
 * one bulk update for the outcomes. An activation whose planning fails fails alone; a failed
 * read or write fails the group, and the consumer retries each (natural ids and the
 * conditional outcome make that harmless).
 */
@Injectable()
export class MeetingPlanner {
  private readonly logger = new Logger(MeetingPlanner.name);
  /** 20 ms at most to gather the partitions' next activations into one group. */
  private readonly queue = new GroupCommitQueue<Activation>((items) => this.activateGroup(items), {
    maxItems: 50,
    gatherMs: 20,
  });

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

  activate(facts: MatchFacts, cause: EventCause): Promise<void> {
    return this.queue.submit({ facts, cause });
  }

  /** Plans the match if it is active and not planned yet; does nothing otherwise. */
  async plan(tenantId: string, matchId: string, cause: EventCause = {}): Promise<void> {
    const match = await this.matches.find({ tenantId, _id: matchId });
    const [error] = await this.planGroup([{ match, cause }]);
    if (error !== undefined) throw error;
  }

  private async activateGroup(items: Activation[]): Promise<(Error | undefined)[]> {
    const createdAt = this.clock.now();
    const matches = await this.matches.recordMany(
      items.map(({ facts }) => ({
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
        createdAt,
      })),
    );
    return this.planGroup(items.map(({ cause }, i) => ({ match: matches[i], cause })));
  }

  /** Plans the active, unplanned ones of these matches together; one error (or none) per item. */
  private async planGroup(
    items: readonly { match: Match | null; cause: EventCause }[],
  ): Promise<(Error | undefined)[]> {
    const errors: (Error | undefined)[] = items.map(() => undefined);
    const planned: Planned[] = [];
    // A match handed over twice in one group (a redelivery beside a replay) is planned once
    // and shares that outcome.
    const first = new Map<string, number>();
    const open = items.flatMap((item, index) => {
      if (!item.match || item.match.status !== 'active' || item.match.kickoff) return [];
      if (first.has(item.match._id)) return [];
      first.set(item.match._id, index);
      return [{ match: item.match, cause: item.cause, index }];
    });
    for (const tenantId of new Set(open.map(({ match }) => match.tenantId))) {
      const ofTenant = open.filter(({ match }) => match.tenantId === tenantId);
      const reads = await this.readTenant(
        tenantId,
        ofTenant.map(({ match }) => match),
      );
      for (const { match, cause, index } of ofTenant) {
        try {
          planned.push({ match, cause, decision: this.decide(match, reads, cause) });
        } catch (error) {
          errors[index] = error instanceof Error ? error : new Error(String(error));
        }
      }
    }
    await this.write(planned);
    return items.map(({ match }, index) => errors[(match && first.get(match._id)) ?? index]);
  }

  /** One read per collection for these matches of one tenant. */
  private async readTenant(tenantId: string, matches: readonly Match[]): Promise<TenantReads> {
    const programIds = [...new Set(matches.map((m) => m.programId))];
    const programs = await this.directory.programs(tenantId, programIds);
    const templates = await this.factory.templatesOfPrograms(tenantId, programIds);
    const now = this.clock.now().getTime();
    const windowDays = Math.max(14, ...programs.map((p) => p.kickoffWindowDays ?? 14));
    const calendars = await this.pairs.loadTenant(tenantId, matches, {
      start: now,
      end: now + (this.config.SCHEDULING_HORIZON_DAYS + windowDays) * DAY,
    });
    return { programs: new Map(programs.map((p) => [p._id, p])), templates, calendars };
  }

  /**
   * What to do for one match, from the group's reads; the meetings it plans join the reads, so
   * the next match of the group sees them as taken.
   */
  private decide(match: Match, reads: TenantReads, cause: EventCause): Decision {
    const program = reads.programs.get(match.programId);
    const now = this.clock.now().getTime();
    const windowDays = program?.kickoffWindowDays ?? 14;
    const earliest = now + this.config.SCHEDULING_MIN_NOTICE_HOURS * HOUR;
    const latest = Math.max(match.activatedAt.getTime() + windowDays * DAY, earliest + DAY);
    const window = { start: earliest, end: latest };
    const calendar = calendarOf(match, reads.calendars, {
      start: now,
      end: now + (this.config.SCHEDULING_HORIZON_DAYS + windowDays) * DAY,
    });
    if (!program || !calendar.ok) {
      // Profiles' events may still be on their way: the timer retries until the window closes.
      if (now < latest) return { kind: 'wait' };
      const reason = calendar.ok ? 'profile-missing' : calendar.reason;
      return { kind: 'no-slot', window, reason, retry: undefined };
    }
    const templates = reads.templates.filter((t) => t.programId === match.programId);
    const taken = (series: Series, kickoff?: MeetingWithEvents) =>
      reads.calendars.scheduled.push(
        ...(kickoff ? [kickoff.meeting] : []),
        ...series.checkIns.map((c) => c.meeting),
      );
    const scheduled = calendar.scheduled.find((m) => m._id === kickoffId(match._id));
    if (scheduled) {
      const series = this.series(match, program, scheduled, calendar, templates, cause);
      taken(series);
      return { kind: 'settle', kickoff: scheduled, series };
    }
    const [slot] = findCommonSlots({
      participants: calendar.participants,
      busy: calendar.meetings,
      window,
      durationMinutes: this.config.SCHEDULING_KICKOFF_MINUTES,
      limit: 1,
    });
    if (!slot) {
      const retry = { program, calendar, templates };
      return { kind: 'no-slot', window, reason: 'no-overlap', retry };
    }
    const kickoff = this.factory.kickoff(match, program, calendar, slot, templates, cause);
    const series = this.series(match, program, kickoff.meeting, calendar, templates, cause);
    taken(series, kickoff);
    return { kind: 'schedule', kickoff, series, retry: { program, calendar, templates } };
  }

  /**
   * The group's writes, each before what depends on it: kickoffs, then check-ins, then
   * announcements, then outcomes. A crash in between leaves what a redelivery completes: a
   * stored kickoff is found and its series stored, an announcement made is not made again.
   */
  private async write(planned: readonly Planned[]): Promise<void> {
    const of = <K extends Decision['kind']>(kind: K) =>
      planned.flatMap((p) =>
        p.decision.kind === kind
          ? [{ ...p, decision: p.decision as Extract<Decision, { kind: K }> }]
          : [],
      );
    const toSchedule = of('schedule');
    const existed = await this.meetings.insertFirsts(toSchedule.map((p) => p.decision.kickoff));
    const scheduled = toSchedule.filter((p) => !existed.has(p.decision.kickoff.meeting._id));
    const settled = of('settle');
    await this.meetings.insertNew(
      [...scheduled, ...settled].flatMap((p) => p.decision.series.checkIns),
    );
    // No slot found, or a kickoff stored by someone else meanwhile: what is stored decides.
    const noSlot = of('no-slot');
    const lost = toSchedule.filter((p) => existed.has(p.decision.kickoff.meeting._id));
    const stored = await this.storedKickoffs([...noSlot, ...lost].map((p) => p.match));
    for (const { match, cause, decision } of lost) {
      const kickoff = stored.get(kickoffId(match._id));
      const { program, calendar, templates } = decision.retry;
      if (kickoff) await this.settle(match, program, kickoff, calendar, templates, cause);
    }
    const announce = noSlot.filter((p) => !stored.has(kickoffId(p.match._id)));
    for (const { match, cause, decision } of noSlot) {
      const kickoff = stored.get(kickoffId(match._id));
      const { retry } = decision;
      if (kickoff && retry)
        await this.settle(match, retry.program, kickoff, retry.calendar, retry.templates, cause);
    }
    const made = await this.announcements.announceMany(
      announce.map(({ match, cause, decision }) => ({
        id: `no-common-slot:${match._id}`,
        tenantId: match.tenantId,
        events: [this.noSlotEvent(match, decision.window, decision.reason, cause)],
      })),
      this.clock.now(),
    );
    await this.matches.settleMany([
      ...[...scheduled, ...settled].map(({ match, decision }) => ({
        filter: { tenantId: match.tenantId, _id: match._id },
        set: this.outcome(
          match,
          decision.series.plan,
          decision.series.horizon,
          decision.kind === 'settle' ? decision.kickoff : decision.kickoff.meeting,
        ),
      })),
      ...announce.map(({ match }) => ({
        filter: { tenantId: match.tenantId, _id: match._id },
        set: { kickoff: 'no-common-slot' as const },
      })),
    ]);
    for (const { match, decision } of announce)
      if (made.has(`no-common-slot:${match._id}`))
        this.logger.log(`match ${match._id}: no common slot for the kickoff (${decision.reason})`);
  }

  /** The stored kickoffs of these matches, by id (one read per tenant; none when there are none). */
  private async storedKickoffs(matches: readonly Match[]): Promise<Map<string, Meeting>> {
    const found = new Map<string, Meeting>();
    for (const tenantId of new Set(matches.map((m) => m.tenantId))) {
      const ids = matches.filter((m) => m.tenantId === tenantId).map((m) => kickoffId(m._id));
      for (const meeting of await this.meetings.findByIds({ tenantId, ids }))
        found.set(meeting._id, meeting);
    }
    return found;
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
      this.outcome(match, series.plan, series.horizon, kickoff),
      [],
      from,
    );
  }

  private outcome(
    match: Match,
    plan: SeriesPlan,
    horizon: number,
    kickoff: Meeting,
  ): Partial<Match> {
    return {
      kickoff: 'scheduled',
      series: { ...plan, id: seriesIdOf(match._id), horizon: new Date(horizon) },
      health: 'on-track',
      reviewAt: kickoff.end,
    };
  }

  private noSlotEvent(match: Match, window: Interval, reason: NoSlotReason, cause: EventCause) {
    return relationshipEvent(
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
  }
}

/** What a group reads once per tenant. */
interface TenantReads {
  programs: Map<string, ProgramCadence>;
  templates: AgendaTemplate[];
  calendars: TenantCalendars;
}
