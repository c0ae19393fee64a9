import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import type { FastifyInstance } from 'fastify';
import { PhysiciansModule } from '../physicians/physicians.module';
import { TenantsModule } from '../tenants/tenants.module';
import { ImportController } from './import.controller';
import { ImportJobRepository } from './import-job.repository';
import { ImportService } from './import.service';
import { ImportJob, ImportJobSchema } from './schemas/import-job.schema';

/** Largest import file accepted (about 200,000 CSV rows); other requests keep the global limit. */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

@Module({
  imports: [
    MongooseModule.forFeature([{ name: ImportJob.name, schema: ImportJobSchema }]),
    PhysiciansModule,
    TenantsModule,
  ],
  controllers: [ImportController],
  providers: [ImportService, ImportJobRepository],
})
export class ImportsModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  /** Import files arrive as raw bytes with their own size limit. */
  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    for (const type of ['text/csv', 'application/fhir+json']) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
        (_request, body, done) => {
          done(null, body);
        },
      );
    }
  }
}
