import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { Webhook } from './schemas/webhook.schema';

@Injectable()
export class WebhookRepository {
  constructor(@InjectModel(Webhook.name) private readonly model: Model<Webhook>) {}

  async insert(webhook: TenantScoped<Webhook>): Promise<void> {
    await this.model.create(webhook);
  }

  list(filter: TenantScoped<object>): Promise<Webhook[]> {
    return this.model
      .find({ tenantId: filter.tenantId })
      .sort({ createdAt: -1, _id: -1 })
      .lean<Webhook[]>()
      .exec();
  }

  findOne(key: TenantScoped<{ _id: string }>): Promise<Webhook | null> {
    return this.model.findOne(key).lean<Webhook>().exec();
  }

  async delete(key: TenantScoped<{ _id: string }>): Promise<boolean> {
    return (await this.model.deleteOne(key).exec()).deletedCount === 1;
  }
}
