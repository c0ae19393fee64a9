import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Program } from '../programs/schemas/program.schema';
import { FREEZABLE_STATUSES } from './rules/program-phase';

export interface DueProgram {
  _id: string;
  tenantId: string;
}

/**
 * Reads, across tenants, the programs whose rank lists are due: the freeze sweep is a system
 * task, not a request of one tenant. Read-only; the programs feature owns these documents.
 */
@Injectable()
export class ProgramDeadlineRepository {
  constructor(@InjectModel(Program.name) private readonly model: Model<Program>) {}

  async due(now: Date): Promise<DueProgram[]> {
    return this.model
      .find({
        matchingMode: 'national-ranked',
        status: { $in: [...FREEZABLE_STATUSES] },
        'cycle.rankListsDueAt': { $lte: now },
      })
      .select({ _id: 1, tenantId: 1 })
      .lean<DueProgram[]>()
      .exec();
  }
}
