import { Injectable } from '@nestjs/common';
import type {
  PhysicianSnapshot,
  ProfilesProgramClosed,
  ProgramConfig,
  TenantSnapshot,
} from '@medmentor/contracts';
import { PermanentEventError } from '@medmentor/messaging';
import { FORMER_PARTICIPANT } from './erased-name';
import { ErasureService } from './erasure.service';
import { DirectoryRepository } from './directory.repository';
import type { Contact } from './schemas/contact.schema';

/** Names and addresses as templates need them, resolved at send time. */
export interface ResolvedNames {
  tenantName: string;
  tenantTimeZone: string;
  programName?: string;
}

const assertSameTenant = (envelopeTenant: string, payloadTenant: string): void => {
  if (envelopeTenant !== payloadTenant) {
    throw new PermanentEventError(
      `payload tenant ${payloadTenant} differs from envelope tenant ${envelopeTenant}`,
    );
  }
};

@Injectable()
export class DirectoryService {
  constructor(
    private readonly repository: DirectoryRepository,
    private readonly erasure: ErasureService,
  ) {}

  async saveContact(tenantId: string, snapshot: PhysicianSnapshot): Promise<void> {
    assertSameTenant(tenantId, snapshot.tenantId);
    await this.repository.saveContact({
      _id: snapshot.physicianId,
      tenantId,
      displayName: snapshot.displayName,
      email: snapshot.email,
      emailVisibleToMatches: snapshot.emailVisibleToMatches ?? false,
      timeZone: snapshot.timeZone,
      version: snapshot.version,
    });
  }

  /**
   * The tombstone first (from then on every rendering names them "a former participant"),
   * keeping the name being removed from stored messages until that is done, so a redelivered
   * event after a crash finishes the work; a redelivery after the end changes nothing.
   */
  async erasePhysician(tenantId: string, physicianId: string): Promise<void> {
    const key = { _id: physicianId, tenantId };
    const contact = await this.repository.findContact(key);
    const name = contact?.displayName ?? contact?.redacting;
    await this.repository.eraseContact(key, name);
    await this.erasure.erase(tenantId, physicianId, name);
    await this.repository.finishErasure(key);
  }

  async saveProgram(tenantId: string, program: ProgramConfig): Promise<void> {
    assertSameTenant(tenantId, program.tenantId);
    await this.repository.saveProgram({
      _id: program.programId,
      tenantId,
      name: program.name,
      status: program.status,
      version: program.version,
    });
  }

  async closeProgram(tenantId: string, closed: ProfilesProgramClosed): Promise<void> {
    assertSameTenant(tenantId, closed.tenantId);
    await this.repository.saveProgram({
      _id: closed.programId,
      tenantId,
      status: 'closed',
      version: closed.version,
    });
  }

  async saveTenant(tenantId: string, tenant: TenantSnapshot): Promise<void> {
    assertSameTenant(tenantId, tenant.tenantId);
    await this.repository.saveTenant({
      _id: tenant.tenantId,
      tenantId,
      name: tenant.name,
      timeZone: tenant.timeZone,
      version: tenant.version,
    });
  }

  contact(tenantId: string, physicianId: string): Promise<Contact | null> {
    return this.repository.findContact({ _id: physicianId, tenantId });
  }

  async names(tenantId: string, programId: string | undefined): Promise<ResolvedNames> {
    const [tenant, program] = await Promise.all([
      this.repository.findTenant({ _id: tenantId, tenantId }),
      programId === undefined ? null : this.repository.findProgram({ _id: programId, tenantId }),
    ]);
    return {
      tenantName: tenant?.name ?? 'MedMentor',
      tenantTimeZone: tenant?.timeZone ?? 'UTC',
      ...(program?.name !== undefined && { programName: program.name }),
    };
  }

  /** Display names of physicians; an erased or unknown one is "a former participant". */
  async displayNames(tenantId: string, ids: string[]): Promise<Map<string, string>> {
    const found = ids.length === 0 ? [] : await this.repository.findContacts({ tenantId, ids });
    const names = new Map<string, string>();
    for (const id of ids) {
      const contact = found.find((candidate) => candidate._id === id);
      names.set(id, contact?.displayName ?? FORMER_PARTICIPANT);
    }
    return names;
  }
}
