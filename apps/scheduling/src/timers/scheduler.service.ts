import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AnnouncementRepository } from '../announcements/announcement.repository';
import type { OutgoingEvent } from '@medmentor/contracts';
import { CLOCK, type Clock } from '../config/clock';
import { SCHEDULING_CONFIG, type SchedulingConfig } from '../config/scheduling-config';
import { DirectoryService } from '../directory/directory.service';
import { MatchRepository } from '../meetings/match.repository';
import { meetingEvent, relationshipEvent } from '../meetings/meeting-events';
import { MeetingPlanner } from '../meetings/meeting-planner.service';
import { MeetingRepository } from '../meetings/meeting.repository';
import { SeriesExtensionService } from '../meetings/series-extension.service';
import { dueOffsets, reminderState } from '../meetings/reminder-plan';
import type { Match } from '../meetings/schemas/match.schema';
import type { Meeting } from '../meetings/schemas/meeting.schema';
import { reviewRelationship } from './relationship-review';

const BATCH = 200;
/** Matches whose planning waits for profiles' data are retried after this long. */
const PLAN_RETRY_MS = 5_000;

export interface TickReport {
  reminders: number;
  planned: number;
  reviewed: number;
  /** Matches whose stored check-ins were extended towards the horizon. */
  extended: number;
}

/**
 * The time-driven work: reminders, planning retries, overdue check-ins, health,
 * milestones and extending series as the horizon moves. All state is in the database and every effect is one conditional update of
 * one document with its events, so a restart resumes where it stopped and two replicas
 * ticking at once announce nothing twice (the second update finds the document changed).
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SchedulerService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<TickReport>;

  constructor(
    private readonly meetings: MeetingRepository,
    private readonly matches: MatchRepository,
    private readonly planner: MeetingPlanner,
    private readonly extension: SeriesExtensionService,
    private readonly directory: DirectoryService,
    private readonly announcements: AnnouncementRepository,
    @Inject(SCHEDULING_CONFIG) private readonly config: SchedulingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.SCHEDULING_TIMERS_ENABLED) return;
    this.timer = setInterval(() => {
      this.tick().catch((error: unknown) =>
        this.logger.error(`tick failed: ${(error as Error).message}`),
      );
    }, this.config.SCHEDULING_TICK_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass of every time-driven job; overlapping calls share the pass in progress. */
  tick(): Promise<TickReport> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<TickReport> {
    const now = this.clock.now();
    const reminders = await this.sendReminders(now);
    const unplanned = await this.matches.unplanned(new Date(now.getTime() - PLAN_RETRY_MS), BATCH);
    for (const match of unplanned) await this.planner.plan(match.tenantId, match._id);
    let reviewed = 0;
    for (const match of await this.matches.dueForReview(now, BATCH)) {
      if (await this.review(match, now)) reviewed += 1;
    }
    const extended = await this.extension.sweep();
    return { reminders, planned: unplanned.length, reviewed, extended };
  }

  private async sendReminders(now: Date): Promise<number> {
    let sent = 0;
    for (const meeting of await this.meetings.dueReminders(now, BATCH)) {
      sent += await this.remind(meeting, now);
    }
    return sent;
  }

  private async remind(meeting: Meeting, now: Date): Promise<number> {
    const program = await this.directory.program(meeting.tenantId, meeting.programId);
    const offsets = program?.reminderOffsetsMinutes ?? [];
    const due =
      meeting.status === 'scheduled'
        ? dueOffsets(meeting.start, offsets, now, meeting.remindersDone)
        : [];
    let sent = 0;
    for (const offset of due) {
      const event = meetingEvent('medmentor.scheduling.reminder.due', meeting, {
        offsetMinutes: offset,
        dueAt: new Date(meeting.start.getTime() - offset * 60_000).toISOString(),
      });
      // Keyed by the meeting's start too: a rescheduled meeting is reminded again.
      const id = `reminder:${meeting._id}:${meeting.start.getTime()}:${offset}`;
      if (await this.announcements.announceOnce(id, meeting.tenantId, [event], now)) sent += 1;
    }
    const next = reminderState(meeting.start, offsets, now, [...meeting.remindersDone, ...due]);
    const keep = next.reminderAt && meeting.status === 'scheduled';
    await this.meetings.updateIf(
      { tenantId: meeting.tenantId, _id: meeting._id, sequence: meeting.sequence },
      {
        $set: { remindersDone: next.remindersDone, ...(keep && { reminderAt: next.reminderAt }) },
        ...(!keep && { $unset: { reminderAt: '' } }),
      },
      [],
    );
    return sent;
  }

  private async review(match: Match, now: Date): Promise<boolean> {
    const [program, meetings] = await Promise.all([
      this.directory.program(match.tenantId, match.programId),
      this.meetings.ofMatch({ tenantId: match.tenantId, matchId: match._id }),
    ]);
    const completed = meetings.filter((m) => m.status === 'completed');
    const actionItems = meetings.flatMap((m) => m.actionItems);
    const outcome = reviewRelationship({
      activatedAt: match.activatedAt,
      kickoffWindowDays: program?.kickoffWindowDays ?? 14,
      cadence: program?.cadence ?? [{ every: 'month' }],
      graceDays: this.config.SCHEDULING_OVERDUE_GRACE_DAYS,
      held: completed.map((m) => m.start),
      completedCheckIns: completed.filter((m) => m.kind === 'check-in').length,
      actionItems: {
        total: actionItems.length,
        done: actionItems.filter((i) => i.status === 'done').length,
      },
      // Matches stored by earlier versions through an upsert may lack the (empty) list.
      reached: match.milestones ?? [],
      ...(match.overdueFor && { overdueFor: match.overdueFor }),
      now,
    });
    const lastCompletedAt = outcome.overdue?.lastCompletedAt?.toISOString();
    const announcements: [string, OutgoingEvent][] = [];
    if (outcome.health !== match.health) {
      announcements.push([
        `health:${match._id}:${match.rev}:${outcome.health}`,
        relationshipEvent('medmentor.scheduling.relationship.health-changed', match, now, {
          health: outcome.health,
          ...(match.health && { previous: match.health }),
          ...(lastCompletedAt && { lastCompletedAt }),
        }),
      ]);
    }
    if (outcome.overdue) {
      announcements.push([
        `overdue:${match._id}:${outcome.overdue.dueBy.getTime()}`,
        relationshipEvent('medmentor.scheduling.check-in.overdue', match, now, {
          dueBy: outcome.overdue.dueBy.toISOString(),
          ...(lastCompletedAt && { lastCompletedAt }),
        }),
      ]);
    }
    for (const m of outcome.milestones) {
      announcements.push([
        `milestone:${match._id}:${m.key}`,
        relationshipEvent('medmentor.scheduling.milestone.reached', match, now, {
          milestone: m.milestone,
          ...(m.count && { count: m.count }),
        }),
      ]);
    }
    for (const [id, event] of announcements) {
      await this.announcements.announceOnce(id, match.tenantId, [event], now);
    }
    return this.matches.review(
      { tenantId: match.tenantId, _id: match._id },
      match.rev,
      {
        $set: {
          health: outcome.health,
          reviewAt: outcome.reviewAt,
          ...(outcome.overdue && { overdueFor: outcome.overdue.dueBy }),
        },
        ...(outcome.milestones.length > 0 && {
          $addToSet: { milestones: { $each: outcome.milestones.map((m) => m.key) } },
        }),
      },
      [],
    );
  }
}
