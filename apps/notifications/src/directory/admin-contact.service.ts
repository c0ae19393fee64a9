import { Injectable } from '@nestjs/common';
import { AuditLog } from '@medmentor/audit';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { newId } from '@medmentor/domain';
import { DomainError } from '@medmentor/platform';
import { Clock } from '../config/clock';
import type { AdminContactView, CreateAdminContactDto } from './admin-contact.dto';
import { DirectoryRepository } from './directory.repository';
import type { AdminContact } from './schemas/admin-contact.schema';

const view = (c: AdminContact): AdminContactView => ({
  id: c._id,
  name: c.name,
  email: c.email,
  programId: c.programId ?? null,
  createdAt: c.createdAt.toISOString(),
});

/** The addresses that receive a tenant's or a program's administrator alerts. */
@Injectable()
export class AdminContactService {
  constructor(
    private readonly repository: DirectoryRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** Ids and scope only: the contact's name and address stay out of the log. */
  private async record(
    principal: Principal,
    verb: 'created' | 'deleted',
    contactId: string,
    summary: { programId: string | null } | Record<string, never> = {},
  ): Promise<void> {
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action: `admin-contact.${verb}`,
      resource: { type: 'admin-contact', id: contactId },
      summary,
    });
  }

  async create(principal: Principal, input: CreateAdminContactDto): Promise<AdminContactView> {
    const contact: AdminContact = {
      _id: newId(),
      tenantId: principal.tenantId,
      name: input.name,
      email: input.email.toLowerCase(),
      ...(input.programId !== undefined && { programId: input.programId }),
      createdAt: this.clock.now(),
    };
    await this.repository.insertAdmin(contact);
    await this.record(principal, 'created', contact._id, {
      programId: contact.programId ?? null,
    });
    return view(contact);
  }

  async list(principal: Principal): Promise<{ items: AdminContactView[] }> {
    return { items: (await this.repository.listAdmins(tenantFilter(principal))).map(view) };
  }

  async delete(principal: Principal, contactId: string): Promise<void> {
    if (!(await this.repository.deleteAdmin(tenantFilter(principal, { _id: contactId })))) {
      throw new DomainError({
        code: 'admin-contact-not-found',
        status: 404,
        title: 'Admin contact not found',
        detail: `No admin contact ${contactId} in this tenant.`,
      });
    }
    await this.record(principal, 'deleted', contactId);
  }
}
