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

  /** Sets fields of one webhook; the updated webhook, or null when there is none. */
  update(
    key: TenantScoped<{ _id: string }>,
    set: Partial<Pick<Webhook, 'url' | 'kinds' | 'secret' | 'secretRotatedAt' | 'updatedAt'>>,
  ): Promise<Webhook | null> {
    return this.model.findOneAndUpdate(key, { $set: set }, { new: true }).lean<Webhook>().exec();
  }

  /**
   * Every tenant's webhooks, id and secret only: sealing secrets stored before encryption, at
   * boot. The one query across tenants; webhooks are few.
   */
  allSecrets(): Promise<Pick<Webhook, '_id' | 'tenantId' | 'secret'>[]> {
    return this.model
      .find({}, { _id: 1, tenantId: 1, secret: 1 })
      .lean<Pick<Webhook, '_id' | 'tenantId' | 'secret'>[]>()
      .exec();
  }

  /** Replaces the secret only if it is still `expected` (another replica may have sealed it). */
  async replaceSecret(
    key: TenantScoped<{ _id: string }>,
    expected: string,
    secret: string,
  ): Promise<boolean> {
    const result = await this.model
      .updateOne({ ...key, secret: expected }, { $set: { secret } })
      .exec();
    return result.modifiedCount === 1;
  }

  async delete(key: TenantScoped<{ _id: string }>): Promise<boolean> {
    return (await this.model.deleteOne(key).exec()).deletedCount === 1;
  }
}
