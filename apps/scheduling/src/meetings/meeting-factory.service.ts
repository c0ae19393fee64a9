import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  findCommonSlots,
  isCommonSlot,
  type Interval,
  type Occurrence,
  type Participant,
  type SeriesPlan,
} from '@medmentor/scheduling-engine';
import { CLOCK, type Clock } from '../config/clock';
import { SCHEDULING_CONFIG, type SchedulingConfig } from '../config/scheduling-config';
import type { ProgramCadence } from '../directory/schemas/program-cadence.schema';
import { agendaPhasesFor, pickTemplate } from '../programs/agenda-phase';
import { AgendaTemplateRepository } from '../programs/agenda-template.repository';
import type { AgendaTemplate } from '../programs/schemas/agenda-template.schema';
import { meetingEvent, type EventCause } from './meeting-events';
import type { MeetingWithEvents } from './meeting.repository';
import { reminderState } from './reminder-plan';
import type { Match } from './schemas/match.schema';
import type { Meeting } from './schemas/meeting.schema';

const DAY = 86_400_000;
/** How far a check-in may move from its rule's date to land on a common slot. */
const NUDGE_DAYS = 3;

export const kickoffId = (matchId: string): string => `${matchId}:kickoff`;
export const checkInId = (matchId: string, occurrence: number): string =>
  `${matchId}:check-in:${occurrence}`;
export const seriesIdOf = (matchId: string): string => `${matchId}:series`;

export interface PairZones {
  participants: [Participant, Participant];
  meetings: Interval[];
  menteeTimeZone: string;
  mentorTimeZone: string;
}

/**
 * Builds new meetings with their `meeting.scheduled` events: ids, video link, reminders,
 * the program's agenda template for the meeting's phase, and check-ins nudged onto a time
 * both can attend.
 */
@Injectable()
export class MeetingFactory {
  constructor(
    private readonly templates: AgendaTemplateRepository,
    @Inject(SCHEDULING_CONFIG) private readonly config: SchedulingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  templatesOf(match: Match): Promise<AgendaTemplate[]> {
    return this.templates.ofProgram({ tenantId: match.tenantId, programId: match.programId });
  }

  /** The templates of several programs of one tenant, in one read. */
  templatesOfPrograms(tenantId: string, programIds: readonly string[]): Promise<AgendaTemplate[]> {
    return this.templates.ofPrograms({ tenantId, programIds });
  }

  kickoff(
    match: Match,
    program: ProgramCadence,
    calendar: PairZones,
    slot: Interval,
    templates: readonly AgendaTemplate[],
    cause: EventCause,
  ): MeetingWithEvents {
    const meeting = this.newMeeting(
      match,
      program,
      calendar,
      'kickoff',
      kickoffId(match._id),
      slot,
    );
    meeting.agenda = agendaFrom(templates, agendaPhasesFor({ kind: 'kickoff' }));
    return { meeting, events: [scheduled(meeting, cause)] };
  }

  /** Check-ins for these occurrences; `taken` grows with each so two never overlap. */
  checkIns(
    match: Match,
    program: ProgramCadence,
    plan: SeriesPlan,
    occurrences: readonly Occurrence[],
    calendar: PairZones,
    taken: Interval[],
    templates: readonly AgendaTemplate[],
    cause: EventCause,
  ): MeetingWithEvents[] {
    return occurrences.map((occurrence) => {
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
      const every = plan.segments.find((s) => s.phaseIndex === occurrence.phaseIndex)?.every;
      const phase = program.cadence[occurrence.phaseIndex];
      meeting.agenda = agendaFrom(
        templates,
        agendaPhasesFor({
          kind: 'check-in',
          ...(every && { phase: { every, ...(phase?.while && { while: phase.while }) } }),
        }),
      );
      return { meeting, events: [scheduled(meeting, cause)] };
    });
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
    const base = this.config.SCHEDULING_VIDEO_BASE_URL;
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
      videoUrl: new URL(encodeURIComponent(id), base.endsWith('/') ? base : `${base}/`).toString(),
      agenda: [],
      notes: '',
      actionItems: [],
      feedback: [],
      ...reminderState(start, program.reminderOffsetsMinutes, now),
      createdAt: now,
    };
  }
}

const scheduled = (meeting: Meeting, cause: EventCause) =>
  meetingEvent('medmentor.scheduling.meeting.scheduled', meeting, {}, cause);

const agendaFrom = (
  templates: readonly AgendaTemplate[],
  phases: Parameters<typeof pickTemplate>[1],
): Meeting['agenda'] =>
  (pickTemplate(templates, phases)?.items ?? []).map((text) => ({ id: randomUUID(), text }));
