import 'reflect-metadata';
import { runService } from '@medmentor/runtime';
import { CoreModule } from './core/core.module';
import { MatchesModule } from './matches/matches.module';
import { ReadModelModule } from './read-model/read-model.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { RunsModule } from './runs/runs.module';

void runService({
  name: 'matching',
  defaultPort: 3002,
  title: 'MedMentor matching',
  description:
    'Compatibility scoring, recommendations, cohort and national matching, and the lifecycle of matches.',
  version: '1',
  features: [CoreModule, ReadModelModule, RunsModule, MatchesModule, RecommendationsModule],
});
