import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import {
  ImportJob,
  type ImportCounts,
  type ImportRejection,
  type ImportStatus,
} from './schemas/import-job.schema';

@Injectable()
export class ImportJobRepository {
  constructor(@InjectModel(ImportJob.name) private readonly model: Model<ImportJob>) {}

  async create(job: ImportJob): Promise<void> {
    await this.model.create(job);
  }

  async findById(filter: TenantScoped<{ _id: string }>): Promise<ImportJob | null> {
    return this.model.findOne(filter).lean<ImportJob>().exec();
  }

  async progress(
    filter: TenantScoped<{ _id: string }>,
    counts: ImportCounts,
    rejections: ImportRejection[],
    status: ImportStatus = 'running',
    error?: string,
  ): Promise<void> {
    const now = new Date();
    await this.model
      .updateOne(filter, {
        $set: {
          counts,
          rejections,
          status,
          updatedAt: now,
          ...(status !== 'running' && { finishedAt: now }),
          ...(error !== undefined && { error }),
        },
      })
      .exec();
  }

  /** Imports left running by a process that stopped; they are marked failed at start. */
  async failInterrupted(before: Date): Promise<number> {
    const result = await this.model
      .updateMany(
        { status: 'running', updatedAt: { $lt: before } },
        {
          $set: {
            status: 'failed',
            error: 'the service stopped during the import; run it again (imports are idempotent)',
            finishedAt: new Date(),
          },
        },
      )
      .exec();
    return result.modifiedCount;
  }
}
