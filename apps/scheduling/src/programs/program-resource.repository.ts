import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { ProgramResource } from './schemas/program-resource.schema';

@Injectable()
export class ProgramResourceRepository {
  constructor(@InjectModel(ProgramResource.name) private readonly model: Model<ProgramResource>) {}

  async insert(resource: ProgramResource): Promise<void> {
    await this.model.create(resource);
  }

  ofProgram(filter: TenantScoped<{ programId: string }>): Promise<ProgramResource[]> {
    return this.model.find(filter).sort({ createdAt: -1, _id: 1 }).lean<ProgramResource[]>().exec();
  }

  find(filter: TenantScoped<{ programId: string; _id: string }>): Promise<ProgramResource | null> {
    return this.model.findOne(filter).lean<ProgramResource>().exec();
  }

  async remove(filter: TenantScoped<{ programId: string; _id: string }>): Promise<boolean> {
    const result = await this.model.deleteOne(filter).exec();
    return result.deletedCount === 1;
  }
}
