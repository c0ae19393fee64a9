import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@medmentor/auth';
import { isTenantAdmin } from '../access/access';
import { NotFoundError } from '../access/access-errors';
import { CLOCK, type Clock } from '../config/clock';
import { DirectoryService } from '../directory/directory.service';
import type { AgendaPhase } from './agenda-phase';
import { AgendaTemplateRepository, agendaTemplateId } from './agenda-template.repository';
import type { ResourceDto, ResourceView } from './dto/program-content.dto';
import { ProgramResourceRepository } from './program-resource.repository';
import type { AgendaTemplate } from './schemas/agenda-template.schema';
import type { ProgramResource } from './schemas/program-resource.schema';

export const toResourceView = (r: {
  id: string;
  title: string;
  url: string;
  note?: string;
  addedBy: string;
  createdAt: Date;
}): ResourceView => ({
  id: r.id,
  title: r.title,
  url: r.url,
  ...(r.note && { note: r.note }),
  addedBy: r.addedBy,
  createdAt: r.createdAt.toISOString(),
});

const templateView = (t: AgendaTemplate) => ({
  programId: t.programId,
  phase: t.phase,
  items: t.items,
  updatedAt: t.updatedAt.toISOString(),
});

/** Who shared something: the physician, else the admin's subject. */
export const authorOf = (principal: Principal): string =>
  principal.physicianId ?? principal.subject;

/** What a program gives its meetings: agenda templates per phase and a resource library. */
@Injectable()
export class ProgramContentService {
  constructor(
    private readonly templates: AgendaTemplateRepository,
    private readonly library: ProgramResourceRepository,
    private readonly directory: DirectoryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async listTemplates(principal: Principal, programId: string) {
    await this.knownProgram(principal, programId);
    const items = await this.templates.ofProgram({ tenantId: principal.tenantId, programId });
    return { items: items.map(templateView) };
  }

  async putTemplate(principal: Principal, programId: string, phase: AgendaPhase, items: string[]) {
    await this.knownProgram(principal, programId);
    const template: AgendaTemplate = {
      _id: agendaTemplateId(principal.tenantId, programId, phase),
      tenantId: principal.tenantId,
      programId,
      phase,
      items,
      updatedAt: this.clock.now(),
    };
    await this.templates.put(template);
    return templateView(template);
  }

  async removeTemplate(principal: Principal, programId: string, phase: AgendaPhase): Promise<void> {
    await this.knownProgram(principal, programId);
    const removed = await this.templates.remove({ tenantId: principal.tenantId, programId, phase });
    if (!removed) throw new NotFoundError('agenda-template', `${programId}/${phase}`);
  }

  async listLibrary(principal: Principal, programId: string) {
    await this.knownProgram(principal, programId);
    const items = await this.library.ofProgram({ tenantId: principal.tenantId, programId });
    return { items: items.map((r) => toResourceView({ ...r, id: r._id })) };
  }

  async share(principal: Principal, programId: string, dto: ResourceDto): Promise<ResourceView> {
    await this.knownProgram(principal, programId);
    const resource: ProgramResource = {
      _id: randomUUID(),
      tenantId: principal.tenantId,
      programId,
      title: dto.title,
      url: dto.url,
      ...(dto.note && { note: dto.note }),
      addedBy: authorOf(principal),
      createdAt: this.clock.now(),
    };
    await this.library.insert(resource);
    return toResourceView({ ...resource, id: resource._id });
  }

  /** Admins remove anything; a mentor removes what they shared. */
  async unshare(principal: Principal, programId: string, resourceId: string): Promise<void> {
    const filter = { tenantId: principal.tenantId, programId, _id: resourceId };
    const resource = await this.library.find(filter);
    if (!resource || !(isTenantAdmin(principal) || resource.addedBy === authorOf(principal)))
      throw new NotFoundError('resource', resourceId);
    await this.library.remove(filter);
  }

  private async knownProgram(principal: Principal, programId: string): Promise<void> {
    const program = await this.directory.program(principal.tenantId, programId);
    if (!program) throw new NotFoundError('program', programId);
  }
}
