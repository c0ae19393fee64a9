import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import type { AgendaPhase } from './agenda-phase';
import { AgendaTemplate } from './schemas/agenda-template.schema';

export const agendaTemplateId = (tenantId: string, programId: string, phase: AgendaPhase) =>
  `${tenantId}:${programId}:${phase}`;

@Injectable()
export class AgendaTemplateRepository {
  constructor(@InjectModel(AgendaTemplate.name) private readonly model: Model<AgendaTemplate>) {}

  ofProgram(filter: TenantScoped<{ programId: string }>): Promise<AgendaTemplate[]> {
    return this.model.find(filter).sort({ phase: 1 }).lean<AgendaTemplate[]>().exec();
  }

  ofPrograms(filter: TenantScoped<{ programIds: readonly string[] }>): Promise<AgendaTemplate[]> {
    return this.model
      .find({ tenantId: filter.tenantId, programId: { $in: filter.programIds } })
      .sort({ phase: 1 })
      .lean<AgendaTemplate[]>()
      .exec();
  }

  /** Replaces the phase's template (one document per phase: a retry writes the same). */
  async put(template: AgendaTemplate): Promise<void> {
    const { _id, ...fields } = template;
    await this.model
      .updateOne({ _id, tenantId: template.tenantId }, { $set: fields }, { upsert: true })
      .exec();
  }

  async remove(filter: TenantScoped<{ programId: string; phase: AgendaPhase }>): Promise<boolean> {
    const result = await this.model.deleteOne(filter).exec();
    return result.deletedCount === 1;
  }
}
