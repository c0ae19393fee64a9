import 'reflect-metadata';
import { runService } from '@medmentor/runtime';
import { ReadModelModule } from './read-model/read-model.module';

void runService({
  name: 'matching',
  defaultPort: 3002,
  title: 'MedMentor matching',
  description:
    'Compatibility scoring, recommendations, cohort and national matching, and the lifecycle of matches.',
  version: '1',
  features: [ReadModelModule],
});
