import { Injectable } from '@nestjs/common';
import { EventHandler, type ConsumedEvent } from '@medmentor/messaging';
import { DirectoryService } from './directory.service';

/** Keeps the read model of contacts, programs and tenants from profiles' events. */
@Injectable()
export class DirectoryConsumer {
  constructor(private readonly directory: DirectoryService) {}

  @EventHandler('medmentor.profiles.physician.registered')
  onPhysicianRegistered(
    event: ConsumedEvent<'medmentor.profiles.physician.registered'>,
  ): Promise<void> {
    return this.directory.saveContact(event.tenantid, event.data);
  }

  @EventHandler('medmentor.profiles.physician.updated')
  onPhysicianUpdated(event: ConsumedEvent<'medmentor.profiles.physician.updated'>): Promise<void> {
    return this.directory.saveContact(event.tenantid, event.data);
  }

  @EventHandler('medmentor.profiles.physician.erased')
  onPhysicianErased(event: ConsumedEvent<'medmentor.profiles.physician.erased'>): Promise<void> {
    return this.directory.erasePhysician(event.tenantid, event.data.physicianId);
  }

  @EventHandler('medmentor.profiles.program.published')
  onProgramPublished(event: ConsumedEvent<'medmentor.profiles.program.published'>): Promise<void> {
    return this.directory.saveProgram(event.tenantid, event.data);
  }

  @EventHandler('medmentor.profiles.program.updated')
  onProgramUpdated(event: ConsumedEvent<'medmentor.profiles.program.updated'>): Promise<void> {
    return this.directory.saveProgram(event.tenantid, event.data);
  }

  @EventHandler('medmentor.profiles.program.closed')
  onProgramClosed(event: ConsumedEvent<'medmentor.profiles.program.closed'>): Promise<void> {
    return this.directory.closeProgram(event.tenantid, event.data);
  }

  @EventHandler('medmentor.profiles.tenant.registered')
  onTenantRegistered(event: ConsumedEvent<'medmentor.profiles.tenant.registered'>): Promise<void> {
    return this.directory.saveTenant(event.tenantid, event.data);
  }

  @EventHandler('medmentor.profiles.tenant.updated')
  onTenantUpdated(event: ConsumedEvent<'medmentor.profiles.tenant.updated'>): Promise<void> {
    return this.directory.saveTenant(event.tenantid, event.data);
  }
}
