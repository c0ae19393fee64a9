import { Global, Module } from '@nestjs/common';
import { CLOCK, clockFromConfig } from './clock';
import {
  loadSchedulingConfig,
  SCHEDULING_CONFIG,
  type SchedulingConfig,
} from './scheduling-config';

/** Scheduling's configuration and clock, for every feature module of the service. */
@Global()
@Module({
  providers: [
    { provide: SCHEDULING_CONFIG, useFactory: () => loadSchedulingConfig() },
    {
      provide: CLOCK,
      useFactory: (config: SchedulingConfig) => clockFromConfig(config),
      inject: [SCHEDULING_CONFIG],
    },
  ],
  exports: [SCHEDULING_CONFIG, CLOCK],
})
export class SchedulingConfigModule {}
