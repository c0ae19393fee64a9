import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { RunsModule } from '../runs/runs.module';
import { ExpiryWorker } from './expiry-worker';
import { MatchController } from './match.controller';
import { MatchService } from './match.service';
import { MatchStoreModule } from './match-store.module';
import { PairFinder } from './pair-finder';
import { ParticipationConsumer } from './participation.consumer';
import { PhysicianErasureConsumer } from './physician-erasure.consumer';

@Module({
  imports: [ReadModelModule, RunsModule, MatchStoreModule],
  controllers: [MatchController],
  providers: [
    MatchService,
    PairFinder,
    ExpiryWorker,
    PhysicianErasureConsumer,
    ParticipationConsumer,
  ],
  exports: [MatchService, PairFinder],
})
export class MatchesModule {}
