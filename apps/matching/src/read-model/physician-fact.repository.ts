import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import type { PhysicianSnapshot } from '@medmentor/contracts';
import { factId, guardedUpsert, olderThan, type UpsertOutcome } from './guarded-upsert';
import { PHYSICIAN_PERSONAL_FIELDS, PhysicianFact } from './schemas/physician-fact.schema';

@Injectable()
export class PhysicianFactRepository {
  constructor(@InjectModel(PhysicianFact.name) private readonly model: Model<PhysicianFact>) {}

  /** Keeps the snapshot unless a newer one is held or the physician was erased. */
  upsertSnapshot(snapshot: PhysicianSnapshot): Promise<UpsertOutcome> {
    const { tenantId, physicianId, version, mentorTraining, ...fields } = snapshot;
    const kept = Object.fromEntries(
      PHYSICIAN_PERSONAL_FIELDS.filter((f) => f !== 'mentorTrainingCompleted').map((f) => [
        f,
        (fields as Record<string, unknown>)[f],
      ]),
    );
    const set = Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined));
    const unset = Object.keys(kept).filter((f) => kept[f] === undefined);
    return guardedUpsert(
      this.model,
      { _id: factId(tenantId, physicianId), tenantId },
      { erased: { $ne: true }, ...olderThan('version', version) },
      {
        $set: {
          ...set,
          physicianId,
          version,
          mentorTrainingCompleted: mentorTraining.completed,
          updatedAt: new Date(),
        },
        ...(unset.length > 0 && { $unset: Object.fromEntries(unset.map((f) => [f, ''])) }),
      },
    );
  }

  /** Removes every personal field for good; a second erasure changes nothing. */
  async erase(filter: TenantScoped<{ physicianId: string }>): Promise<void> {
    const { tenantId, physicianId } = filter;
    await this.model
      .updateOne(
        { _id: factId(tenantId, physicianId), tenantId },
        {
          $set: { physicianId, erased: true, version: Number.MAX_SAFE_INTEGER },
          $unset: Object.fromEntries(PHYSICIAN_PERSONAL_FIELDS.map((f) => [f, ''])),
        },
        { upsert: true },
      )
      .exec();
  }

  async findMany(
    filter: TenantScoped<{ physicianIds: readonly string[] }>,
  ): Promise<PhysicianFact[]> {
    if (filter.physicianIds.length === 0) return [];
    return this.model
      .find({
        tenantId: filter.tenantId,
        _id: { $in: filter.physicianIds.map((id) => factId(filter.tenantId, id)) },
      })
      .lean<PhysicianFact[]>()
      .exec();
  }
}
