import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PhysicianRepository } from '../physicians/physician.repository';
import { Physician, PhysicianSchema } from '../physicians/schemas/physician.schema';
import { ProgramRepository } from '../programs/program.repository';
import { Program, ProgramSchema } from '../programs/schemas/program.schema';
import { TenantsModule } from '../tenants/tenants.module';
import { Clock } from './clock';
import { EnrollmentController } from './enrollment.controller';
import { EnrollmentRepository } from './enrollment.repository';
import { EnrollmentService } from './enrollment.service';
import { ENROLLMENTS_CONFIG, loadEnrollmentsConfig } from './enrollments-config';
import { ParticipantController } from './participant.controller';
import { ParticipantService } from './participant.service';
import { PhysicianEventsConsumer } from './physician-events.consumer';
import { ProgramDeadlineRepository } from './program-deadline.repository';
import { RankListFreezer } from './rank-list-freezer';
import { RankListService } from './rank-list.service';
import { Enrollment, EnrollmentSchema } from './schemas/enrollment.schema';

/**
 * Enrollments read programs and physician profiles through those features' repositories
 * (the same models; Nest reuses a model already registered on the connection).
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Enrollment.name, schema: EnrollmentSchema },
      { name: Program.name, schema: ProgramSchema },
      { name: Physician.name, schema: PhysicianSchema },
    ]),
    TenantsModule,
  ],
  controllers: [EnrollmentController, ParticipantController],
  providers: [
    { provide: ENROLLMENTS_CONFIG, useFactory: () => loadEnrollmentsConfig() },
    Clock,
    EnrollmentRepository,
    EnrollmentService,
    RankListService,
    ParticipantService,
    RankListFreezer,
    ProgramDeadlineRepository,
    ProgramRepository,
    PhysicianRepository,
    PhysicianEventsConsumer,
  ],
})
export class EnrollmentsModule {}
