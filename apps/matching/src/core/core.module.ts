import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { MATCHING_CONFIG, matchingConfigFromEnv } from './matching-config';

/** The clock and matching's own configuration, for every feature module. */
@Global()
@Module({
  providers: [Clock, { provide: MATCHING_CONFIG, useFactory: () => matchingConfigFromEnv() }],
  exports: [Clock, MATCHING_CONFIG],
})
export class CoreModule {}
