import { Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock';
import { loadSchedulingConfig, SCHEDULING_CONFIG } from './scheduling-config';

/** Scheduling's configuration and clock, for every feature module of the service. */
@Global()
@Module({
  providers: [
    { provide: SCHEDULING_CONFIG, useFactory: () => loadSchedulingConfig() },
    { provide: CLOCK, useValue: systemClock },
  ],
  exports: [SCHEDULING_CONFIG, CLOCK],
})
export class SchedulingConfigModule {}
