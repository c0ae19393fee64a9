import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import type {
  EnrollmentSnapshot,
  ProfilesEnrollmentWithdrawn,
  RankListSnapshot,
} from '@medmentor/contracts';
import { factId, guardedUpsert, olderThan, type UpsertOutcome } from './guarded-upsert';
import { EnrollmentFact } from './schemas/enrollment-fact.schema';

const NOT_ERASED = { status: { $ne: 'erased' } };

@Injectable()
export class EnrollmentFactRepository {
  constructor(@InjectModel(EnrollmentFact.name) private readonly model: Model<EnrollmentFact>) {}

  upsertSnapshot(snapshot: EnrollmentSnapshot): Promise<UpsertOutcome> {
    const { tenantId, enrollmentId, capacity, submittedAt, ...fields } = snapshot;
    return guardedUpsert(
      this.model,
      { _id: factId(tenantId, enrollmentId), tenantId },
      { ...NOT_ERASED, ...olderThan('version', snapshot.version) },
      {
        $set: {
          ...fields,
          enrollmentId,
          submittedAt: new Date(submittedAt),
          updatedAt: new Date(),
          ...(capacity !== undefined && { capacity }),
        },
        ...(capacity === undefined && { $unset: { capacity: '' } }),
      },
    );
  }

  withdraw(withdrawn: ProfilesEnrollmentWithdrawn): Promise<UpsertOutcome> {
    const { tenantId, enrollmentId, programId, physicianId, side, version } = withdrawn;
    return guardedUpsert(
      this.model,
      { _id: factId(tenantId, enrollmentId), tenantId },
      { ...NOT_ERASED, ...olderThan('version', version) },
      {
        $set: {
          enrollmentId,
          programId,
          physicianId,
          side,
          version,
          status: 'withdrawn',
          updatedAt: new Date(),
        },
      },
    );
  }

  /** A submitted list replaces an older one, never a frozen one; a frozen list is final. */
  upsertRankList(list: RankListSnapshot, frozen: boolean): Promise<UpsertOutcome> {
    const { tenantId, enrollmentId, programId, physicianId, side, ranks, version } = list;
    const guard = frozen
      ? {
          $or: [{ rankListVersion: { $exists: false } }, { rankListVersion: { $lte: version } }],
        }
      : { rankListFrozen: { $ne: true }, ...olderThan('rankListVersion', version) };
    return guardedUpsert(
      this.model,
      { _id: factId(tenantId, enrollmentId), tenantId },
      { ...NOT_ERASED, ...guard },
      {
        $set: {
          enrollmentId,
          programId,
          physicianId,
          side,
          rankList: ranks,
          rankListVersion: version,
          rankListFrozen: frozen,
          updatedAt: new Date(),
        },
      },
    );
  }

  /** Removes what a physician told the program about themself; the ids stay for the runs. */
  async eraseOfPhysician(filter: TenantScoped<{ physicianId: string }>): Promise<string[]> {
    const docs = await this.model
      .find(filter)
      .select({ enrollmentId: 1 })
      .lean<{ enrollmentId: string }[]>()
      .exec();
    await this.model
      .updateMany(filter, {
        $set: { status: 'erased', updatedAt: new Date() },
        $unset: { topics: '', preferences: '', rankList: '' },
      })
      .exec();
    return docs.map((doc) => doc.enrollmentId);
  }

  async activeOfProgram(filter: TenantScoped<{ programId: string }>): Promise<EnrollmentFact[]> {
    return this.model
      .find({ tenantId: filter.tenantId, programId: filter.programId, status: 'active' })
      .lean<EnrollmentFact[]>()
      .exec();
  }

  async find(filter: TenantScoped<{ enrollmentId: string }>): Promise<EnrollmentFact | null> {
    return this.model
      .findOne({ _id: factId(filter.tenantId, filter.enrollmentId), tenantId: filter.tenantId })
      .lean<EnrollmentFact>()
      .exec();
  }
}
