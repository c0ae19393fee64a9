import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { TemplateOverride } from './template-override.schema';

export const overrideId = (tenantId: string, kind: string, channel: string): string =>
  `${tenantId}:${kind}:${channel}`;

@Injectable()
export class TemplateOverrideRepository {
  constructor(
    @InjectModel(TemplateOverride.name) private readonly model: Model<TemplateOverride>,
  ) {}

  find(filter: TenantScoped<{ kind: string; channel: string }>): Promise<TemplateOverride | null> {
    return this.model
      .findOne({
        _id: overrideId(filter.tenantId, filter.kind, filter.channel),
        tenantId: filter.tenantId,
      })
      .lean<TemplateOverride>()
      .exec();
  }

  list(filter: TenantScoped<object>): Promise<TemplateOverride[]> {
    return this.model.find({ tenantId: filter.tenantId }).lean<TemplateOverride[]>().exec();
  }

  async save(override: TenantScoped<Omit<TemplateOverride, '_id'>>): Promise<void> {
    const { tenantId, kind, channel, html, ...fields } = override;
    await this.model
      .updateOne(
        { _id: overrideId(tenantId, kind, channel), tenantId },
        html === undefined
          ? { $set: { kind, channel, ...fields }, $unset: { html: 1 } }
          : { $set: { kind, channel, html, ...fields } },
        { upsert: true },
      )
      .exec();
  }

  async delete(filter: TenantScoped<{ kind: string; channel: string }>): Promise<boolean> {
    const result = await this.model
      .deleteOne({
        _id: overrideId(filter.tenantId, filter.kind, filter.channel),
        tenantId: filter.tenantId,
      })
      .exec();
    return result.deletedCount === 1;
  }
}
