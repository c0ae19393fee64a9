import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Principal } from '@medmentor/auth';
import { CalendarParseError, readBusyCalendar, type Interval } from '@medmentor/scheduling-engine';
import { mayActFor } from '../access/access';
import { NotFoundError, UnprocessableError } from '../access/access-errors';
import { CLOCK, type Clock } from '../config/clock';
import { DirectoryService } from '../directory/directory.service';
import { BusyRepository } from './busy.repository';
import type { BlackoutDto, BusyView } from './dto/busy.dto';
import type { BusyTime } from './schemas/busy-time.schema';

const DAY = 86_400_000;
/** Uploaded schedules are expanded this far ahead; a new upload replaces them. */
const CALENDAR_HORIZON_DAYS = 400;

@Injectable()
export class BusyService {
  constructor(
    private readonly repository: BusyRepository,
    private readonly directory: DirectoryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The physician's zone, after checking the caller may manage their busy time. */
  private async zoneOf(principal: Principal, physicianId: string): Promise<string> {
    if (!mayActFor(principal, physicianId)) throw new NotFoundError('physician', physicianId);
    const physician = await this.directory.physician(principal.tenantId, physicianId);
    if (!physician || physician.erased) throw new NotFoundError('physician', physicianId);
    return physician.timeZone ?? 'UTC';
  }

  async uploadCalendar(principal: Principal, physicianId: string, ics: string): Promise<BusyView> {
    const timeZone = await this.zoneOf(principal, physicianId);
    const now = this.clock.now().getTime();
    let read: { busy: Interval[]; events: number };
    try {
      read = readBusyCalendar(ics, {
        timeZone,
        window: { start: now - DAY, end: now + CALENDAR_HORIZON_DAYS * DAY },
      });
    } catch (error) {
      if (error instanceof CalendarParseError) {
        throw new UnprocessableError(
          'calendar-unreadable',
          'The calendar cannot be read',
          'ics',
          error.message,
        );
      }
      throw error;
    }
    const spans = read.busy.map((b) => ({ start: new Date(b.start), end: new Date(b.end) }));
    await this.repository.replaceCalendar(
      { tenantId: principal.tenantId, _id: physicianId },
      spans,
      read.events,
      new Date(now),
    );
    return this.view(principal, physicianId);
  }

  async addBlackout(
    principal: Principal,
    physicianId: string,
    dto: BlackoutDto,
  ): Promise<BusyView> {
    const zone = await this.zoneOf(principal, physicianId);
    const start = DateTime.fromISO(dto.from, { zone }).startOf('day');
    const end = DateTime.fromISO(dto.to, { zone }).plus({ days: 1 }).startOf('day');
    await this.repository.addBlackout(
      { tenantId: principal.tenantId, _id: physicianId },
      {
        id: randomUUID(),
        start: start.toJSDate(),
        end: end.toJSDate(),
        ...(dto.reason && { reason: dto.reason }),
      },
    );
    return this.view(principal, physicianId);
  }

  async removeBlackout(
    principal: Principal,
    physicianId: string,
    blackoutId: string,
  ): Promise<void> {
    await this.zoneOf(principal, physicianId);
    const removed = await this.repository.removeBlackout(
      { tenantId: principal.tenantId, _id: physicianId },
      blackoutId,
    );
    if (!removed) throw new NotFoundError('blackout', blackoutId);
  }

  async view(principal: Principal, physicianId: string): Promise<BusyView> {
    await this.zoneOf(principal, physicianId);
    const [doc] = await this.repository.find({ tenantId: principal.tenantId, ids: [physicianId] });
    return toView(physicianId, doc);
  }

  /** Every physician's busy intervals (blackouts and calendar), for slot search. */
  async busyOf(
    tenantId: string,
    physicianIds: readonly string[],
  ): Promise<Map<string, Interval[]>> {
    const docs = await this.repository.find({ tenantId, ids: physicianIds });
    const out = new Map<string, Interval[]>(physicianIds.map((id) => [id, []]));
    for (const doc of docs) {
      out.set(
        doc._id,
        // An upsert's $setOnInsert default may be missing on some servers: read both as optional.
        [...(doc.blackouts ?? []), ...(doc.calendarBusy ?? [])].map((b) => ({
          start: b.start.getTime(),
          end: b.end.getTime(),
        })),
      );
    }
    return out;
  }

  async erase(tenantId: string, physicianId: string): Promise<void> {
    await this.repository.erase({ tenantId, _id: physicianId });
  }
}

const toView = (physicianId: string, doc: BusyTime | undefined): BusyView => ({
  physicianId,
  blackouts: (doc?.blackouts ?? []).map((b) => ({
    id: b.id,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    ...(b.reason && { reason: b.reason }),
  })),
  calendar: doc?.calendarUploadedAt
    ? {
        uploadedAt: doc.calendarUploadedAt.toISOString(),
        events: doc.calendarEvents ?? 0,
        busySpans: doc.calendarBusy?.length ?? 0,
      }
    : null,
});
