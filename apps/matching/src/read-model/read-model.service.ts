import { Injectable, Logger } from '@nestjs/common';
import type { EventType } from '@medmentor/contracts';
import type { ConsumedEvent } from '@medmentor/messaging';
import { PermanentEventError } from '@medmentor/messaging';
import { EnrollmentFactRepository } from './enrollment-fact.repository';
import type { UpsertOutcome } from './guarded-upsert';
import { PhysicianFactRepository } from './physician-fact.repository';
import { ProgramFactRepository } from './program-fact.repository';

/** An event's payload must name the tenant its envelope names; anything else is never applied. */
const sameTenant = <T extends EventType>(event: ConsumedEvent<T>): void => {
  const payloadTenant = (event.data as { tenantId: string }).tenantId;
  if (payloadTenant !== event.tenantid) {
    throw new PermanentEventError(
      `payload tenant ${payloadTenant} differs from the envelope tenant ${event.tenantid}`,
    );
  }
};

/**
 * Keeps matching's copy of profiles' facts. Every snapshot carries a version: an older one
 * than held is ignored, a redelivered one changes nothing.
 */
@Injectable()
export class ReadModelService {
  private readonly logger = new Logger(ReadModelService.name);

  constructor(
    private readonly physicians: PhysicianFactRepository,
    private readonly programs: ProgramFactRepository,
    private readonly enrollments: EnrollmentFactRepository,
  ) {}

  async physicianSnapshot(
    event: ConsumedEvent<
      'medmentor.profiles.physician.registered' | 'medmentor.profiles.physician.updated'
    >,
  ): Promise<void> {
    sameTenant(event);
    this.report(event, await this.physicians.upsertSnapshot(event.data));
  }

  async programSnapshot(
    event: ConsumedEvent<
      'medmentor.profiles.program.published' | 'medmentor.profiles.program.updated'
    >,
  ): Promise<void> {
    sameTenant(event);
    this.report(event, await this.programs.upsertConfig(event.data));
  }

  /** True when the program is closed at this event's version (now, or by an earlier delivery). */
  async programClosed(event: ConsumedEvent<'medmentor.profiles.program.closed'>): Promise<boolean> {
    sameTenant(event);
    this.report(event, await this.programs.close(event.data));
    const held = await this.programs.find({
      tenantId: event.tenantid,
      programId: event.data.programId,
    });
    return held?.status === 'closed' && held.version === event.data.version;
  }

  async enrollmentSnapshot(
    event: ConsumedEvent<
      'medmentor.profiles.enrollment.submitted' | 'medmentor.profiles.enrollment.updated'
    >,
  ): Promise<void> {
    sameTenant(event);
    this.report(event, await this.enrollments.upsertSnapshot(event.data));
  }

  /** True when the enrollment is withdrawn at this event's version (now, or by an earlier delivery). */
  async enrollmentWithdrawn(
    event: ConsumedEvent<'medmentor.profiles.enrollment.withdrawn'>,
  ): Promise<boolean> {
    sameTenant(event);
    this.report(event, await this.enrollments.withdraw(event.data));
    const held = await this.enrollments.find({
      tenantId: event.tenantid,
      enrollmentId: event.data.enrollmentId,
    });
    return held?.status === 'withdrawn' && held.version === event.data.version;
  }

  async rankList(
    event: ConsumedEvent<
      'medmentor.profiles.rank-list.submitted' | 'medmentor.profiles.rank-list.frozen'
    >,
  ): Promise<void> {
    sameTenant(event);
    const frozen = event.type === 'medmentor.profiles.rank-list.frozen';
    this.report(event, await this.enrollments.upsertRankList(event.data, frozen));
  }

  /** Drops the physician's personal data from the read model; returns their enrollment ids. */
  async erasePhysician(
    event: ConsumedEvent<'medmentor.profiles.physician.erased'>,
  ): Promise<string[]> {
    sameTenant(event);
    const filter = { tenantId: event.tenantid, physicianId: event.data.physicianId };
    await this.physicians.erase(filter);
    return this.enrollments.eraseOfPhysician(filter);
  }

  private report(
    event: { type: string; id: string; subject?: string },
    outcome: UpsertOutcome,
  ): void {
    if (outcome === 'stale') {
      this.logger.log(
        `ignored ${event.type} ${event.id} for ${event.subject ?? '?'}: a newer snapshot is held`,
      );
    }
  }
}
