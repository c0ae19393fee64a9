import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { PhysicianCalendar } from './schemas/physician-calendar.schema';
import { ProgramCadence } from './schemas/program-cadence.schema';

export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/**
 * Writes `doc` unless the stored copy is as new or newer: a redelivered or out-of-order
 * snapshot changes nothing. The upsert of an older version meets the existing _id and fails
 * with a duplicate key, which means "already newer".
 */
const applyIfNewer = async <T extends { _id: string; tenantId: string; version: number }>(
  model: Model<T>,
  doc: T,
  unset: readonly string[] = [],
): Promise<boolean> => {
  try {
    const result = await model
      .updateOne(
        { _id: doc._id, tenantId: doc.tenantId, version: { $lt: doc.version } },
        {
          $set: doc,
          ...(unset.length > 0 && { $unset: Object.fromEntries(unset.map((f) => [f, ''])) }),
        } as never,
        { upsert: true },
      )
      .exec();
    return result.modifiedCount + result.upsertedCount > 0;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
};

@Injectable()
export class DirectoryRepository {
  constructor(
    @InjectModel(PhysicianCalendar.name) private readonly physicians: Model<PhysicianCalendar>,
    @InjectModel(ProgramCadence.name) private readonly programs: Model<ProgramCadence>,
  ) {}

  applyPhysician(doc: PhysicianCalendar, unset: readonly string[] = []): Promise<boolean> {
    return applyIfNewer(this.physicians, doc, unset);
  }

  applyProgram(doc: ProgramCadence): Promise<boolean> {
    return applyIfNewer(this.programs, doc);
  }

  async closeProgram(filter: TenantScoped<{ _id: string }>): Promise<void> {
    await this.programs.updateOne(filter, { $set: { status: 'closed' } }).exec();
  }

  findPhysicians(filter: TenantScoped<{ ids: readonly string[] }>): Promise<PhysicianCalendar[]> {
    return this.physicians
      .find({ tenantId: filter.tenantId, _id: { $in: filter.ids } })
      .lean<PhysicianCalendar[]>()
      .exec();
  }

  findPhysician(filter: TenantScoped<{ _id: string }>): Promise<PhysicianCalendar | null> {
    return this.physicians.findOne(filter).lean<PhysicianCalendar>().exec();
  }

  findPrograms(filter: TenantScoped<{ ids: readonly string[] }>): Promise<ProgramCadence[]> {
    return this.programs
      .find({ tenantId: filter.tenantId, _id: { $in: filter.ids } })
      .lean<ProgramCadence[]>()
      .exec();
  }

  findProgram(filter: TenantScoped<{ _id: string }>): Promise<ProgramCadence | null> {
    return this.programs.findOne(filter).lean<ProgramCadence>().exec();
  }
}
