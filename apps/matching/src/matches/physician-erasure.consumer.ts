import { Injectable } from '@nestjs/common';
import { EventHandler, type ConsumedEvent } from '@medmentor/messaging';
import { ReadModelService } from '../read-model/read-model.service';
import { RunMatchRepository } from '../runs/run-match.repository';
import { MatchRepository } from './match.repository';
import { MatchService } from './match.service';

/**
 * A physician's erasure: their personal data leaves the read model, their live matches end
 * (reason `withdrawn`, so scheduling and notifications stop), and the score explanations that
 * describe them leave every run and match. Ids stay: they are what the audit trail refers to.
 * Each step is idempotent, so a redelivery changes nothing.
 */
@Injectable()
export class PhysicianErasureConsumer {
  constructor(
    private readonly readModel: ReadModelService,
    private readonly matches: MatchRepository,
    private readonly service: MatchService,
    private readonly runMatches: RunMatchRepository,
  ) {}

  @EventHandler('medmentor.profiles.physician.erased')
  async onPhysicianErased(
    event: ConsumedEvent<'medmentor.profiles.physician.erased'>,
  ): Promise<void> {
    await this.readModel.erasePhysician(event);
    const scope = { tenantId: event.tenantid, physicianId: event.data.physicianId };
    for (const match of await this.matches.liveOfPhysician(scope)) {
      await this.service.endLive(match, 'withdrawn');
    }
    await this.matches.anonymise(scope);
    await this.runMatches.anonymise(scope);
  }
}
