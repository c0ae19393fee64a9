import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { OutgoingEvent } from '@medmentor/contracts';
import { outboxFields } from '@medmentor/messaging';
import { allDuplicates, failedIndexes } from '../meetings/meeting.repository';
import { Announcement } from './schemas/announcement.schema';

@Injectable()
export class AnnouncementRepository {
  constructor(@InjectModel(Announcement.name) private readonly model: Model<Announcement>) {}

  /** `announceOnce` for several, in one unordered insert; returns the ids this call made. */
  async announceMany(
    announcements: readonly { id: string; tenantId: string; events: OutgoingEvent[] }[],
    at: Date,
  ): Promise<Set<string>> {
    if (announcements.length === 0) return new Set();
    const ids = new Set(announcements.map((a) => a.id));
    try {
      await this.model.insertMany(
        announcements.map((a) => ({
          _id: a.id,
          tenantId: a.tenantId,
          createdAt: at,
          ...outboxFields(a.events),
        })),
        { ordered: false },
      );
    } catch (error) {
      if (!allDuplicates(error)) throw error;
      for (const index of failedIndexes(error)) ids.delete(announcements[index].id);
    }
    return ids;
  }

  /** Makes the announcement with its events unless it was made already; true when this call made it. */
  async announceOnce(
    id: string,
    tenantId: string,
    events: OutgoingEvent[],
    at: Date,
  ): Promise<boolean> {
    try {
      await this.model.create({ _id: id, tenantId, createdAt: at, ...outboxFields(events) });
      return true;
    } catch (error) {
      if (allDuplicates(error)) return false;
      throw error;
    }
  }
}
