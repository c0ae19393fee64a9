import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { OutgoingEvent } from '@medmentor/contracts';
import { outboxFields } from '@medmentor/messaging';
import { allDuplicates } from '../meetings/meeting.repository';
import { Announcement } from './schemas/announcement.schema';

@Injectable()
export class AnnouncementRepository {
  constructor(@InjectModel(Announcement.name) private readonly model: Model<Announcement>) {}

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
