import { Injectable } from '@nestjs/common';
import { EventHandler, type ConsumedEvent } from '@medmentor/messaging';
import { ReadModelService } from './read-model.service';

/** Profiles' events that build matching's read model (erasure, withdrawal and closure, which also end matches: see matches/). */
@Injectable()
export class ProfilesEventsConsumer {
  constructor(private readonly readModel: ReadModelService) {}

  @EventHandler('medmentor.profiles.physician.registered')
  onPhysicianRegistered(
    event: ConsumedEvent<'medmentor.profiles.physician.registered'>,
  ): Promise<void> {
    return this.readModel.physicianSnapshot(event);
  }

  @EventHandler('medmentor.profiles.physician.updated')
  onPhysicianUpdated(event: ConsumedEvent<'medmentor.profiles.physician.updated'>): Promise<void> {
    return this.readModel.physicianSnapshot(event);
  }

  @EventHandler('medmentor.profiles.program.published')
  onProgramPublished(event: ConsumedEvent<'medmentor.profiles.program.published'>): Promise<void> {
    return this.readModel.programSnapshot(event);
  }

  @EventHandler('medmentor.profiles.program.updated')
  onProgramUpdated(event: ConsumedEvent<'medmentor.profiles.program.updated'>): Promise<void> {
    return this.readModel.programSnapshot(event);
  }

  @EventHandler('medmentor.profiles.enrollment.submitted')
  onEnrollmentSubmitted(
    event: ConsumedEvent<'medmentor.profiles.enrollment.submitted'>,
  ): Promise<void> {
    return this.readModel.enrollmentSnapshot(event);
  }

  @EventHandler('medmentor.profiles.enrollment.updated')
  onEnrollmentUpdated(
    event: ConsumedEvent<'medmentor.profiles.enrollment.updated'>,
  ): Promise<void> {
    return this.readModel.enrollmentSnapshot(event);
  }

  @EventHandler('medmentor.profiles.rank-list.submitted')
  onRankListSubmitted(
    event: ConsumedEvent<'medmentor.profiles.rank-list.submitted'>,
  ): Promise<void> {
    return this.readModel.rankList(event);
  }

  @EventHandler('medmentor.profiles.rank-list.frozen')
  onRankListFrozen(event: ConsumedEvent<'medmentor.profiles.rank-list.frozen'>): Promise<void> {
    return this.readModel.rankList(event);
  }
}
