import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { Preference } from './schemas/preference.schema';

@Injectable()
export class PreferenceRepository {
  constructor(@InjectModel(Preference.name) private readonly model: Model<Preference>) {}

  find(key: TenantScoped<{ _id: string }>): Promise<Preference | null> {
    return this.model.findOne(key).lean<Preference>().exec();
  }

  findMany(filter: TenantScoped<{ ids: string[] }>): Promise<Preference[]> {
    return this.model
      .find({ tenantId: filter.tenantId, _id: { $in: filter.ids } })
      .lean<Preference[]>()
      .exec();
  }

  async save(preference: TenantScoped<Preference>): Promise<void> {
    const { _id, tenantId, quietHours, ...fields } = preference;
    await this.model
      .updateOne(
        { _id, tenantId },
        quietHours === undefined
          ? { $set: fields, $unset: { quietHours: 1 } }
          : { $set: { ...fields, quietHours } },
        { upsert: true },
      )
      .exec();
  }

  async delete(key: TenantScoped<{ _id: string }>): Promise<void> {
    await this.model.deleteOne(key).exec();
  }
}
