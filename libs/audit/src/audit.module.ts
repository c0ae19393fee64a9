import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditEventsController } from './audit-events.controller';
import { AUDIT_SERVICE_NAME, AuditLog } from './audit-log';
import { AuditLogRepository } from './audit-log.repository';
import { AuditOriginInterceptor } from './audit-origin';
import { AuditRecord, AuditRecordSchema } from './audit-record.schema';

/**
 * The audit log of one service: `AuditLog` (global, injectable anywhere), the read endpoint
 * GET /api/v1/audit-events, and the interceptor that keeps each request's origin. Import it
 * once per service, in any feature module: `AuditModule.forService('profiles')`.
 */
@Module({})
export class AuditModule {
  static forService(serviceName: string): DynamicModule {
    return {
      module: AuditModule,
      global: true,
      imports: [MongooseModule.forFeature([{ name: AuditRecord.name, schema: AuditRecordSchema }])],
      controllers: [AuditEventsController],
      providers: [
        { provide: AUDIT_SERVICE_NAME, useValue: serviceName },
        AuditLogRepository,
        AuditLog,
        { provide: APP_INTERCEPTOR, useClass: AuditOriginInterceptor },
      ],
      exports: [AuditLog],
    };
  }
}
