import { Module } from '@nestjs/common';
import { MatchStoreModule } from '../matches/match-store.module';
import { MatchesModule } from '../matches/matches.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { RunsModule } from '../runs/runs.module';
import { RecommendationController } from './recommendation.controller';
import { RecommendationService } from './recommendation.service';

@Module({
  imports: [ReadModelModule, RunsModule, MatchStoreModule, MatchesModule],
  controllers: [RecommendationController],
  providers: [RecommendationService],
})
export class RecommendationsModule {}
