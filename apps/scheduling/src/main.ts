import 'reflect-metadata';
import { runService } from '@medmentor/runtime';
import { SCHEDULING_FEATURES } from './scheduling.features';

void runService({
  name: 'scheduling',
  defaultPort: 3003,
  title: 'MedMentor scheduling',
  description:
    'Kickoff meetings and recurring check-ins across time zones, agendas, action items and feedback.',
  version: '1',
  features: SCHEDULING_FEATURES,
});
