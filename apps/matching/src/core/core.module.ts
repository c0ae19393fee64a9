import { Global, Module } from '@nestjs/common';
import { AuditModule } from '@medmentor/audit';
import { Clock } from './clock';
import { MATCHING_CONFIG, matchingConfigFromEnv } from './matching-config';

/** The clock, matching's own configuration and its audit log, for every feature module. */
@Global()
@Module({
  // The service's audit log (global): AuditLog for every feature, GET /api/v1/audit-events.
  imports: [AuditModule.forService('matching')],
  providers: [Clock, { provide: MATCHING_CONFIG, useFactory: () => matchingConfigFromEnv() }],
  exports: [Clock, MATCHING_CONFIG],
})
export class CoreModule {}
