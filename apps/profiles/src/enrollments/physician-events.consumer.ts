import { Injectable } from '@nestjs/common';
import { tenantContext, tenantFilter } from '@medmentor/auth';
import { EventHandler, type ConsumedEvent } from '@medmentor/messaging';
import { EnrollmentRepository } from './enrollment.repository';
import { EnrollmentService } from './enrollment.service';

/**
 * Profiles listens to its own physician events: the erasure and the profile facts that
 * enrollment search filters on reach enrollments from the outbox, so a crash between the
 * profile write and the enrollments' cannot lose them. Both handlers are idempotent.
 */
@Injectable()
export class PhysicianEventsConsumer {
  constructor(
    private readonly enrollments: EnrollmentService,
    private readonly repository: EnrollmentRepository,
  ) {}

  @EventHandler('medmentor.profiles.physician.erased')
  async onErased(event: ConsumedEvent<'medmentor.profiles.physician.erased'>): Promise<void> {
    await this.enrollments.withdrawErased(
      tenantContext({ tenantId: event.tenantid }),
      event.data.physicianId,
    );
  }

  @EventHandler('medmentor.profiles.physician.updated')
  async onUpdated(event: ConsumedEvent<'medmentor.profiles.physician.updated'>): Promise<void> {
    const profile = event.data;
    await this.repository.refreshProfile(
      tenantFilter(tenantContext({ tenantId: event.tenantid }), {
        physicianId: profile.physicianId,
      }),
      {
        specialty: profile.specialty,
        ...(profile.subspecialty !== undefined && { subspecialty: profile.subspecialty }),
        careerStage: profile.careerStage.stage,
        interests: profile.interests,
        languages: profile.languages,
        ...(profile.country !== undefined && { country: profile.country }),
        ...(profile.region !== undefined && { region: profile.region }),
        version: profile.version,
      },
    );
  }
}
