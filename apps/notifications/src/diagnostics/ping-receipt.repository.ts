import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { PingReceipt } from './schemas/ping-receipt.schema';

export type PingReceiptView = Omit<PingReceipt, '_id'> & { pingId: string };

@Injectable()
export class PingReceiptRepository {
  constructor(@InjectModel(PingReceipt.name) private readonly model: Model<PingReceipt>) {}

  /** Creates the receipt once per ping id; counts every application for diagnosis. */
  async record(
    receipt: TenantScoped<Omit<PingReceipt, 'applications' | 'receivedAt'>>,
  ): Promise<void> {
    const { _id, tenantId, ...fields } = receipt;
    await this.model
      .updateOne(
        { _id, tenantId },
        { $setOnInsert: { ...fields, receivedAt: new Date() }, $inc: { applications: 1 } },
        { upsert: true },
      )
      .exec();
  }

  async findById(filter: TenantScoped<{ _id: string }>): Promise<PingReceiptView | null> {
    const doc = await this.model.findOne(filter).lean<PingReceipt>().exec();
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { pingId: _id, ...rest };
  }
}
