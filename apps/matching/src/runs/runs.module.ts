import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MatchStoreModule } from '../matches/match-store.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { MatchRunController } from './match-run.controller';
import { MatchRunRepository } from './match-run.repository';
import { MatchRunService } from './match-run.service';
import { ProgramFactsLoader } from './program-facts.loader';
import { RunExecutor } from './run-executor.service';
import { RunMatchRepository } from './run-match.repository';
import { RunWorker } from './run-worker';
import { MatchRun, MatchRunSchema } from './schemas/match-run.schema';
import { RunMatchRecord, RunMatchRecordSchema } from './schemas/run-match.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: MatchRun.name, schema: MatchRunSchema },
      { name: RunMatchRecord.name, schema: RunMatchRecordSchema },
    ]),
    ReadModelModule,
    MatchStoreModule,
  ],
  controllers: [MatchRunController],
  providers: [
    MatchRunRepository,
    RunMatchRepository,
    MatchRunService,
    RunExecutor,
    RunWorker,
    ProgramFactsLoader,
  ],
  exports: [MatchRunService, MatchRunRepository, RunMatchRepository, ProgramFactsLoader],
})
export class RunsModule {}
