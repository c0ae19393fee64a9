import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { BusyTime, type Blackout, type BusySpan } from './schemas/busy-time.schema';

@Injectable()
export class BusyRepository {
  constructor(@InjectModel(BusyTime.name) private readonly model: Model<BusyTime>) {}

  find(filter: TenantScoped<{ ids: readonly string[] }>): Promise<BusyTime[]> {
    return this.model
      .find({ tenantId: filter.tenantId, _id: { $in: filter.ids } })
      .lean<BusyTime[]>()
      .exec();
  }

  async replaceCalendar(
    filter: TenantScoped<{ _id: string }>,
    busy: BusySpan[],
    events: number,
    at: Date,
  ): Promise<void> {
    await this.model
      .updateOne(
        filter,
        {
          $set: { calendarBusy: busy, calendarEvents: events, calendarUploadedAt: at },
          $setOnInsert: { blackouts: [] },
        },
        { upsert: true },
      )
      .exec();
  }

  async addBlackout(filter: TenantScoped<{ _id: string }>, blackout: Blackout): Promise<void> {
    await this.model
      .updateOne(
        filter,
        { $push: { blackouts: blackout }, $setOnInsert: { calendarBusy: [] } },
        { upsert: true },
      )
      .exec();
  }

  async removeBlackout(
    filter: TenantScoped<{ _id: string }>,
    blackoutId: string,
  ): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { ...filter, 'blackouts.id': blackoutId },
        { $pull: { blackouts: { id: blackoutId } } },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async erase(filter: TenantScoped<{ _id: string }>): Promise<void> {
    await this.model.deleteOne(filter).exec();
  }
}
