import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { KEYSET_SORT, keysetCondition, type PageRequest } from '@medmentor/platform';
import { RunMatchRecord } from './schemas/run-match.schema';

const BATCH = 1000;

@Injectable()
export class RunMatchRepository {
  constructor(@InjectModel(RunMatchRecord.name) private readonly model: Model<RunMatchRecord>) {}

  /** Replaces a run's matches (a retried attempt starts from none). */
  async replace(filter: TenantScoped<{ runId: string }>, records: RunMatchRecord[]): Promise<void> {
    await this.model.deleteMany(filter).exec();
    for (let i = 0; i < records.length; i += BATCH) {
      await this.model.insertMany(records.slice(i, i + BATCH), { ordered: true });
    }
  }

  async page(
    filter: TenantScoped<{ runId: string }>,
    page: PageRequest,
  ): Promise<RunMatchRecord[]> {
    return this.model
      .find({ ...filter, ...keysetCondition(page.after) })
      .sort(KEYSET_SORT)
      .limit(page.limit + 1)
      .lean<RunMatchRecord[]>()
      .exec();
  }

  async all(filter: TenantScoped<{ runId: string }>): Promise<RunMatchRecord[]> {
    return this.model.find(filter).sort({ _id: 1 }).lean<RunMatchRecord[]>().exec();
  }

  /** Drops the explanations of every run match the physician is part of. */
  async anonymise(filter: TenantScoped<{ physicianId: string }>): Promise<void> {
    await this.model
      .updateMany(
        {
          tenantId: filter.tenantId,
          $or: [{ menteeId: filter.physicianId }, { mentorId: filter.physicianId }],
        },
        { $set: { anonymised: true }, $unset: { factors: '' } },
      )
      .exec();
  }
}
