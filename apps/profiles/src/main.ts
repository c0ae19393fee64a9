import 'reflect-metadata';
import { runService } from '@medmentor/runtime';
import { AnalyticsModule } from './analytics/analytics.module';
import { DiagnosticsModule } from './diagnostics/diagnostics.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { ImportsModule } from './imports/imports.module';
import { PhysiciansModule } from './physicians/physicians.module';
import { ProgramsModule } from './programs/programs.module';
import { TenantsModule } from './tenants/tenants.module';

void runService({
  name: 'profiles',
  defaultPort: 3001,
  title: 'MedMentor profiles',
  description: 'Tenants, programs, physician profiles and enrollments.',
  version: '1',
  features: [
    DiagnosticsModule,
    TenantsModule,
    ProgramsModule,
    PhysiciansModule,
    ImportsModule,
    EnrollmentsModule,
    AnalyticsModule,
  ],
});
