import { Injectable } from '@nestjs/common';
import { EventHandler, type ConsumedEvent } from '@medmentor/messaging';
import { ReadModelService } from '../read-model/read-model.service';
import { MatchRepository } from './match.repository';
import { MatchService } from './match.service';

/**
 * A withdrawal or a program's closure updates the read model and ends the live matches it
 * concerns (`withdrawn`, `program-closed`). The matches are ended whenever the read model holds
 * the event's version, so a redelivery after a crash between the two steps still ends them; an
 * older event (a re-enrolment since) ends nothing.
 */
@Injectable()
export class ParticipationConsumer {
  constructor(
    private readonly readModel: ReadModelService,
    private readonly matches: MatchRepository,
    private readonly service: MatchService,
  ) {}

  @EventHandler('medmentor.profiles.enrollment.withdrawn')
  async onEnrollmentWithdrawn(
    event: ConsumedEvent<'medmentor.profiles.enrollment.withdrawn'>,
  ): Promise<void> {
    if (!(await this.readModel.enrollmentWithdrawn(event))) return;
    const { programId, enrollmentId } = event.data;
    for (const match of await this.matches.liveOf({
      tenantId: event.tenantid,
      programId,
      enrollmentId,
    })) {
      await this.service.endLive(match, 'withdrawn');
    }
  }

  @EventHandler('medmentor.profiles.program.closed')
  async onProgramClosed(event: ConsumedEvent<'medmentor.profiles.program.closed'>): Promise<void> {
    if (!(await this.readModel.programClosed(event))) return;
    for (const match of await this.matches.liveOf({
      tenantId: event.tenantid,
      programId: event.data.programId,
    })) {
      await this.service.endLive(match, 'program-closed');
    }
  }
}
