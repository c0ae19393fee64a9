import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Principal } from '@medmentor/auth';
import { encodeCursor, type Page } from '@medmentor/platform';
import { findCommonSlots, isCommonSlot } from '@medmentor/scheduling-engine';
import { isTenantAdmin, mayActFor, mayActOnPair } from '../access/access';
import {
  ConflictError,
  matchNotActive,
  NotFoundError,
  UnprocessableError,
} from '../access/access-errors';
import { CLOCK, type Clock } from '../config/clock';
import { SCHEDULING_CONFIG, type SchedulingConfig } from '../config/scheduling-config';
import { DirectoryService } from '../directory/directory.service';
import type {
  ActionItemDto,
  ChooseKickoffDto,
  FeedbackDto,
  ListMeetingsQuery,
  RescheduleDto,
  SuggestQuery,
} from './dto/meeting.dto';
import type { MeetingView } from './dto/meeting-view.dto';
import { MatchRepository } from './match.repository';
import { MeetingCancellationService } from './meeting-cancellation.service';
import { kickoffId } from './meeting-factory.service';
import { MeetingPlanner } from './meeting-planner.service';
import { meetingEvent } from './meeting-events';
import { toMeetingView } from './meeting.mapper';
import { MeetingRepository } from './meeting.repository';
import { PairCalendarService, type PairCalendar } from './pair-calendar.service';
import { reminderState } from './reminder-plan';
import type { Match } from './schemas/match.schema';
import type { Meeting } from './schemas/meeting.schema';

const DAY = 86_400_000;

@Injectable()
export class MeetingService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly matches: MatchRepository,
    private readonly pairs: PairCalendarService,
    private readonly directory: DirectoryService,
    private readonly cancellation: MeetingCancellationService,
    private readonly planner: MeetingPlanner,
    @Inject(SCHEDULING_CONFIG) private readonly config: SchedulingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A meeting the caller may see: one of the pair or an admin of the tenant; 404 otherwise. */
  async visible(principal: Principal, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.findById({ tenantId: principal.tenantId, _id: meetingId });
    if (!meeting || !mayActOnPair(principal, meeting))
      throw new NotFoundError('meeting', meetingId);
    return meeting;
  }

  async visibleMatch(principal: Principal, matchId: string): Promise<Match> {
    const match = await this.matches.find({ tenantId: principal.tenantId, _id: matchId });
    if (!match || !mayActOnPair(principal, match)) throw new NotFoundError('match', matchId);
    return match;
  }

  async get(principal: Principal, meetingId: string): Promise<MeetingView> {
    return toMeetingView(await this.visible(principal, meetingId), principal);
  }

  async listForPhysician(
    principal: Principal,
    physicianId: string,
    query: ListMeetingsQuery,
  ): Promise<Page<MeetingView>> {
    if (!mayActFor(principal, physicianId)) throw new NotFoundError('physician', physicianId);
    return this.page(principal, { physicianId }, query);
  }

  async listForMatch(
    principal: Principal,
    matchId: string,
    query: ListMeetingsQuery,
  ): Promise<Page<MeetingView>> {
    await this.visibleMatch(principal, matchId);
    return this.page(principal, { matchId }, query);
  }

  private async page(
    principal: Principal,
    who: { physicianId?: string; matchId?: string },
    query: ListMeetingsQuery,
  ): Promise<Page<MeetingView>> {
    const from = query.from
      ? new Date(query.from)
      : new Date(this.clock.now().getTime() - 30 * DAY);
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 365 * DAY);
    const docs = await this.meetings.list(
      {
        tenantId: principal.tenantId,
        ...who,
        from,
        to,
        ...(query.status && { status: query.status }),
      },
      query.limit,
      query.cursor,
    );
    const items = docs.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((m) => toMeetingView(m, principal)),
      nextCursor:
        docs.length > query.limit && last
          ? encodeCursor({ createdAt: last.start, id: last._id })
          : null,
    };
  }

  async suggest(principal: Principal, matchId: string, query: SuggestQuery) {
    const match = await this.visibleMatch(principal, matchId);
    const now = this.clock.now().getTime();
    const window = { start: now + 60 * 60_000, end: now + query.days * DAY };
    const calendar = completeCalendar(await this.pairs.load(match, window));
    const slots = findCommonSlots({
      participants: calendar.participants,
      busy: calendar.meetings,
      window,
      durationMinutes: query.durationMinutes,
      limit: query.count,
      maxPerDay: 1,
    });
    return {
      matchId,
      slots: slots.map((s) => ({
        start: new Date(s.start).toISOString(),
        end: new Date(s.end).toISOString(),
        local: { mentee: s.local[0], mentor: s.local[1] },
      })),
    };
  }

  /**
   * The kickoff at a time the pair (or an admin) chose after `no common slot`: checked
   * against both calendars, then planned as an automatic kickoff would be (the same
   * events, the series after it). Repeating the same choice returns the same meeting.
   */
  async chooseKickoff(
    principal: Principal,
    matchId: string,
    dto: ChooseKickoffDto,
  ): Promise<MeetingView> {
    const match = await this.visibleMatch(principal, matchId);
    const start = new Date(dto.start);
    const existing = await this.meetings.findById({
      tenantId: match.tenantId,
      _id: kickoffId(match._id),
    });
    // A choice stored but not settled (the process stopped between the two steps) is
    // finished by repeating it; otherwise the stored kickoff answers.
    const unsettled = existing && match.kickoff === 'no-common-slot' && match.status === 'active';
    if (existing && !(unsettled && existing.start.getTime() === start.getTime()))
      return this.sameKickoff(principal, existing, start);
    if (match.status !== 'active') throw matchNotActive(match.status);
    if (match.kickoff !== 'no-common-slot') {
      throw new ConflictError(
        'kickoff-not-open',
        'The kickoff is still being planned',
        'matchId',
        'a kickoff can be chosen once no common slot was found',
      );
    }
    if (!existing && start.getTime() <= this.clock.now().getTime()) {
      throw new UnprocessableError(
        'start-in-past',
        'A meeting cannot start in the past',
        'start',
        'must be in the future',
      );
    }
    const slot = existing
      ? { start: existing.start.getTime(), end: existing.end.getTime() }
      : {
          start: start.getTime(),
          end: start.getTime() + this.config.SCHEDULING_KICKOFF_MINUTES * 60_000,
        };
    const [program, loaded] = await Promise.all([
      this.directory.program(match.tenantId, match.programId),
      this.pairs.load(match, { start: slot.start - DAY, end: slot.end + DAY }),
    ]);
    if (!program) throw new NotFoundError('program', match.programId);
    const calendar = completeCalendar(loaded);
    if (
      !existing &&
      !isCommonSlot({ participants: calendar.participants, busy: calendar.meetings }, slot)
    ) {
      throw new UnprocessableError(
        'slot-not-available',
        'Not a time both can attend',
        'start',
        'is outside one side’s availability or inside busy time or another meeting',
      );
    }
    const kickoff = await this.planner.scheduleChosen(match, program, calendar, slot);
    if (!kickoff) throw new NotFoundError('match', matchId);
    return this.sameKickoff(principal, kickoff, start);
  }

  private sameKickoff(principal: Principal, kickoff: Meeting, start: Date): MeetingView {
    if (kickoff.start.getTime() !== start.getTime()) {
      throw new ConflictError(
        'kickoff-scheduled',
        'The kickoff is already scheduled',
        'start',
        `the kickoff is at ${kickoff.start.toISOString()}; move it with reschedule`,
      );
    }
    return toMeetingView(kickoff, principal);
  }

  async reschedule(
    principal: Principal,
    meetingId: string,
    dto: RescheduleDto,
  ): Promise<MeetingView> {
    const meeting = await this.visible(principal, meetingId);
    this.assertScheduled(meeting);
    if (meeting.sequence !== dto.sequence) throw staleSequence(meeting);
    const start = new Date(dto.start);
    if (start.getTime() <= this.clock.now().getTime()) {
      throw new UnprocessableError(
        'start-in-past',
        'A meeting cannot move into the past',
        'start',
        'must be in the future',
      );
    }
    const shift = start.getTime() - meeting.start.getTime();
    const following =
      dto.scope === 'following' && meeting.seriesId
        ? (
            await this.meetings.ofMatch({ tenantId: meeting.tenantId, matchId: meeting.matchId })
          ).filter(
            (m) =>
              m.seriesId === meeting.seriesId &&
              m.status === 'scheduled' &&
              (m.occurrence ?? 0) > (meeting.occurrence ?? 0),
          )
        : [];
    const moved = [meeting, ...following];
    const duration = meeting.end.getTime() - meeting.start.getTime();
    const calendar = await this.pairs.load(
      meeting,
      { start: start.getTime() - DAY, end: start.getTime() + duration + DAY },
      moved.map((m) => m._id),
    );
    if (
      calendar.ok &&
      !isCommonSlot(
        { participants: calendar.participants, busy: calendar.meetings },
        { start: start.getTime(), end: start.getTime() + duration },
      )
    ) {
      throw new UnprocessableError(
        'slot-not-available',
        'Not a time both can attend',
        'start',
        'is outside one side’s availability or inside busy time or another meeting',
      );
    }
    const program = await this.directory.program(meeting.tenantId, meeting.programId);
    const offsets = program?.reminderOffsetsMinutes ?? [];
    for (const m of moved) {
      // Later check-ins keep their wall-clock shift in the mentee's zone (across DST changes).
      const newStart =
        m._id === meeting._id
          ? start
          : DateTime.fromJSDate(m.start, { zone: m.menteeTimeZone })
              .plus({ milliseconds: shift })
              .toJSDate();
      const reminders = reminderState(newStart, offsets, this.clock.now());
      const next: Meeting = {
        ...m,
        start: newStart,
        end: new Date(newStart.getTime() + (m.end.getTime() - m.start.getTime())),
        sequence: m.sequence + 1,
      };
      const ok = await this.meetings.updateIf(
        { tenantId: m.tenantId, _id: m._id, status: 'scheduled', sequence: m.sequence },
        {
          $set: {
            start: next.start,
            end: next.end,
            remindersDone: reminders.remindersDone,
            ...(reminders.reminderAt && { reminderAt: reminders.reminderAt }),
          },
          ...(!reminders.reminderAt && { $unset: { reminderAt: '' } }),
          $inc: { sequence: 1 },
        },
        [
          meetingEvent('medmentor.scheduling.meeting.rescheduled', next, {
            previousStart: m.start.toISOString(),
            previousEnd: m.end.toISOString(),
            scope: dto.scope,
            ...(principal.physicianId && { byPhysicianId: principal.physicianId }),
          }),
        ],
      );
      if (!ok && m._id === meeting._id) throw staleSequence(meeting);
    }
    return this.get(principal, meetingId);
  }

  async cancel(principal: Principal, meetingId: string, sequence: number): Promise<MeetingView> {
    const meeting = await this.visible(principal, meetingId);
    this.assertScheduled(meeting);
    if (meeting.sequence !== sequence) throw staleSequence(meeting);
    const ok = await this.cancellation.cancel(meeting, 'cancelled', {}, principal.physicianId);
    if (!ok) throw staleSequence(meeting);
    return this.get(principal, meetingId);
  }

  async complete(principal: Principal, meetingId: string): Promise<MeetingView> {
    const meeting = await this.visible(principal, meetingId);
    this.assertScheduled(meeting);
    const now = this.clock.now();
    if (meeting.start > now) {
      throw new UnprocessableError(
        'meeting-not-started',
        'A meeting is completed once it has started',
        'meetingId',
        'starts in the future',
      );
    }
    const done: Meeting = {
      ...meeting,
      status: 'completed',
      sequence: meeting.sequence + 1,
      completedAt: now,
    };
    const ok = await this.meetings.updateIf(
      {
        tenantId: meeting.tenantId,
        _id: meeting._id,
        status: 'scheduled',
        sequence: meeting.sequence,
      },
      {
        $set: { status: 'completed', completedAt: now },
        $inc: { sequence: 1 },
        $unset: { reminderAt: '' },
      },
      [
        meetingEvent('medmentor.scheduling.meeting.completed', done, {
          completedAt: now.toISOString(),
          ...(principal.physicianId && { byPhysicianId: principal.physicianId }),
        }),
      ],
    );
    if (!ok) throw staleSequence(meeting);
    await this.matches.requestReview({ tenantId: meeting.tenantId, _id: meeting.matchId }, now);
    return this.get(principal, meetingId);
  }

  async addAgendaItem(principal: Principal, meetingId: string, text: string): Promise<MeetingView> {
    const meeting = await this.visible(principal, meetingId);
    await this.meetings.updateIf(
      { tenantId: meeting.tenantId, _id: meeting._id },
      {
        $push: {
          agenda: {
            id: randomUUID(),
            text,
            ...(principal.physicianId && { addedBy: principal.physicianId }),
          },
        },
      },
      [],
    );
    return this.get(principal, meetingId);
  }

  async setNotes(principal: Principal, meetingId: string, notes: string): Promise<MeetingView> {
    const meeting = await this.visible(principal, meetingId);
    await this.meetings.updateIf(
      { tenantId: meeting.tenantId, _id: meeting._id },
      { $set: { notes } },
      [],
    );
    return this.get(principal, meetingId);
  }

  async addActionItem(
    principal: Principal,
    meetingId: string,
    dto: ActionItemDto,
  ): Promise<MeetingView> {
    const meeting = await this.visible(principal, meetingId);
    if (dto.ownerId !== meeting.menteeId && dto.ownerId !== meeting.mentorId) {
      throw new UnprocessableError(
        'owner-not-in-pair',
        'The owner must be one of the pair',
        'ownerId',
        'must be the mentee or the mentor of this meeting',
      );
    }
    const item = {
      id: randomUUID(),
      text: dto.text,
      ownerId: dto.ownerId,
      ...(dto.due && { due: dto.due }),
      status: 'open' as const,
    };
    await this.meetings.updateIf(
      { tenantId: meeting.tenantId, _id: meeting._id },
      { $push: { actionItems: item } },
      [],
    );
    return this.get(principal, meetingId);
  }

  async setActionItemStatus(
    principal: Principal,
    meetingId: string,
    itemId: string,
    status: 'open' | 'done',
  ): Promise<MeetingView> {
    const meeting = await this.visible(principal, meetingId);
    const items = meeting.actionItems.map((i) => (i.id === itemId ? { ...i, status } : i));
    if (!meeting.actionItems.some((i) => i.id === itemId))
      throw new NotFoundError('action-item', itemId);
    await this.meetings.updateIf(
      { tenantId: meeting.tenantId, _id: meeting._id },
      { $set: { actionItems: items } },
      [],
    );
    await this.matches.requestReview(
      { tenantId: meeting.tenantId, _id: meeting.matchId },
      this.clock.now(),
    );
    return this.get(principal, meetingId);
  }

  async giveFeedback(
    principal: Principal,
    meetingId: string,
    dto: FeedbackDto,
  ): Promise<MeetingView> {
    const meeting = await this.visible(principal, meetingId);
    const side =
      principal.physicianId === meeting.menteeId
        ? 'mentee'
        : principal.physicianId === meeting.mentorId
          ? 'mentor'
          : undefined;
    if (!side || !principal.physicianId) {
      throw new UnprocessableError(
        'feedback-by-participant',
        'Only the pair gives feedback',
        'meetingId',
        'the caller is not one of the pair',
      );
    }
    if (meeting.status !== 'completed') {
      throw new ConflictError(
        'meeting-not-completed',
        'Feedback follows a completed meeting',
        'meetingId',
        `the meeting is ${meeting.status}`,
      );
    }
    const entry = {
      physicianId: principal.physicianId,
      side,
      rating: dto.rating,
      ...(dto.comment && { comment: dto.comment }),
      at: this.clock.now(),
    };
    const ok = await this.meetings.updateIf(
      {
        tenantId: meeting.tenantId,
        _id: meeting._id,
        'feedback.physicianId': { $ne: principal.physicianId },
      } as never,
      { $push: { feedback: entry } },
      [],
    );
    if (!ok)
      throw new ConflictError(
        'feedback-given',
        'Feedback was already given',
        'meetingId',
        'this side already gave feedback on this meeting',
      );
    return this.get(principal, meetingId);
  }

  /** Admins: how the program's meetings were rated, per side; individual comments stay private. */
  async feedbackSummary(principal: Principal, programId: string) {
    if (!isTenantAdmin(principal)) throw new NotFoundError('program', programId);
    const meetings = await this.meetings.forProgram({ tenantId: principal.tenantId, programId });
    const side = (name: 'mentee' | 'mentor') => {
      const ratings = meetings.flatMap((m) =>
        m.feedback.filter((f) => f.side === name).map((f) => f.rating),
      );
      return {
        count: ratings.length,
        averageRating: ratings.length
          ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
          : null,
      };
    };
    return {
      programId,
      meetings: meetings.length,
      bySide: { mentee: side('mentee'), mentor: side('mentor') },
    };
  }

  private assertScheduled(meeting: Meeting): void {
    if (meeting.status !== 'scheduled') {
      throw new ConflictError(
        'meeting-not-scheduled',
        'The meeting is no longer scheduled',
        'meetingId',
        `the meeting is ${meeting.status}`,
      );
    }
  }
}

/** The pair's calendar, or 422 saying which side's data is missing. */
const completeCalendar = (calendar: PairCalendar): Extract<PairCalendar, { ok: true }> => {
  if (calendar.ok) return calendar;
  throw new UnprocessableError(
    'pair-calendar-incomplete',
    'The pair’s calendars are not complete yet',
    'matchId',
    calendar.reason === 'availability-missing'
      ? 'a physician of the pair has no weekly availability'
      : 'a physician of the pair is not known here yet',
  );
};

const staleSequence = (meeting: Meeting) =>
  new ConflictError(
    'version-conflict',
    'The meeting changed since it was read',
    'sequence',
    `must be the current sequence ${meeting.sequence}`,
  );
