import { CoreModule } from '../src/core/core.module';
import { MatchesModule } from '../src/matches/matches.module';
import { ReadModelModule } from '../src/read-model/read-model.module';
import { RecommendationsModule } from '../src/recommendations/recommendations.module';
import { RunsModule } from '../src/runs/runs.module';

/** The feature modules main.ts boots. */
export const MATCHING_FEATURES = [
  CoreModule,
  ReadModelModule,
  RunsModule,
  MatchesModule,
  RecommendationsModule,
];
