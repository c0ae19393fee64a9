import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { isDuplicateKeyOnly } from './duplicate-key';
import { EmailDayCount } from './schemas/email-day-count.schema';

export interface CapSlot {
  physicianId: string;
  /** The physician's local date, `yyyy-mm-dd`. */
  day: string;
  deliveryId: string;
  cap: number;
}

/** The daily email counters: the only code touching `email_day_counts`. */
@Injectable()
export class EmailCapRepository {
  constructor(@InjectModel(EmailDayCount.name) private readonly model: Model<EmailDayCount>) {}

  /**
   * Grants the delivery one of the day's `cap` slots, once: true if it holds one (now or
   * from an earlier try), false when the day is full. One conditional upsert by key: it adds
   * the id only while the list is shorter than `cap`; on a full list the filter misses, the
   * upsert tries to insert the same `_id` and fails with a duplicate key. That error also
   * answers two replicas creating the day's document at once (MongoDB), so the update is
   * tried once more before the list is read to tell "full" from "already granted".
   */
  async take(slot: TenantScoped<CapSlot>): Promise<boolean> {
    const _id = `${slot.tenantId}:${slot.physicianId}:${slot.day}`;
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      try {
        await this.model
          .updateOne(
            { _id, tenantId: slot.tenantId, [`deliveryIds.${slot.cap - 1}`]: { $exists: false } },
            {
              $addToSet: { deliveryIds: slot.deliveryId },
              $setOnInsert: { physicianId: slot.physicianId, day: slot.day },
            },
            { upsert: true },
          )
          .exec();
        return true;
      } catch (error) {
        if (!isDuplicateKeyOnly(error)) throw error;
      }
    }
    const stored = await this.model
      .findOne({ _id, tenantId: slot.tenantId })
      .select({ deliveryIds: 1 })
      .lean<Pick<EmailDayCount, 'deliveryIds'>>()
      .exec();
    return stored?.deliveryIds.includes(slot.deliveryId) ?? false;
  }

  async deleteFor(filter: TenantScoped<{ physicianId: string }>): Promise<void> {
    await this.model.deleteMany(filter).exec();
  }
}
