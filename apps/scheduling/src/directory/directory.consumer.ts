import { Injectable } from '@nestjs/common';
import { EventHandler, type ConsumedEvent } from '@medmentor/messaging';
import { DirectoryService } from './directory.service';

/** Keeps scheduling's copy (erasure: see ErasureConsumer, which also cancels meetings) of physicians' zones and availability and programs' cadences. */
@Injectable()
export class DirectoryConsumer {
  constructor(private readonly directory: DirectoryService) {}

  @EventHandler('medmentor.profiles.physician.registered')
  onRegistered(event: ConsumedEvent<'medmentor.profiles.physician.registered'>): Promise<void> {
    return this.directory.applyPhysician(event.data);
  }

  @EventHandler('medmentor.profiles.physician.updated')
  onUpdated(event: ConsumedEvent<'medmentor.profiles.physician.updated'>): Promise<void> {
    return this.directory.applyPhysician(event.data);
  }

  @EventHandler('medmentor.profiles.program.published')
  onPublished(event: ConsumedEvent<'medmentor.profiles.program.published'>): Promise<void> {
    return this.directory.applyProgram(event.data);
  }

  @EventHandler('medmentor.profiles.program.updated')
  onProgramUpdated(event: ConsumedEvent<'medmentor.profiles.program.updated'>): Promise<void> {
    return this.directory.applyProgram(event.data);
  }

  @EventHandler('medmentor.profiles.program.closed')
  onClosed(event: ConsumedEvent<'medmentor.profiles.program.closed'>): Promise<void> {
    return this.directory.closeProgram(event.tenantid, event.data.programId);
  }
}
