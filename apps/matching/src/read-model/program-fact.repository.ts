import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import type { ProgramConfig, ProfilesProgramClosed } from '@medmentor/contracts';
import { factId, guardedUpsert, olderThan, type UpsertOutcome } from './guarded-upsert';
import { ProgramFact } from './schemas/program-fact.schema';

@Injectable()
export class ProgramFactRepository {
  constructor(@InjectModel(ProgramFact.name) private readonly model: Model<ProgramFact>) {}

  upsertConfig(config: ProgramConfig): Promise<UpsertOutcome> {
    const { tenantId, programId, version, status } = config;
    return guardedUpsert(
      this.model,
      { _id: factId(tenantId, programId), tenantId },
      olderThan('version', version),
      { $set: { programId, version, status, config, updatedAt: new Date() } },
    );
  }

  close(closed: ProfilesProgramClosed): Promise<UpsertOutcome> {
    const { tenantId, programId, version } = closed;
    return guardedUpsert(
      this.model,
      { _id: factId(tenantId, programId), tenantId },
      olderThan('version', version),
      {
        $set: {
          programId,
          version,
          status: 'closed',
          closedAt: new Date(closed.closedAt),
          updatedAt: new Date(),
        },
      },
    );
  }

  async find(filter: TenantScoped<{ programId: string }>): Promise<ProgramFact | null> {
    return this.model
      .findOne({ _id: factId(filter.tenantId, filter.programId), tenantId: filter.tenantId })
      .lean<ProgramFact>()
      .exec();
  }
}
