import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EnrollmentFactRepository } from './enrollment-fact.repository';
import { PhysicianFactRepository } from './physician-fact.repository';
import { ProfilesEventsConsumer } from './profiles-events.consumer';
import { ProgramFactRepository } from './program-fact.repository';
import { ReadModelService } from './read-model.service';
import { EnrollmentFact, EnrollmentFactSchema } from './schemas/enrollment-fact.schema';
import { PhysicianFact, PhysicianFactSchema } from './schemas/physician-fact.schema';
import { ProgramFact, ProgramFactSchema } from './schemas/program-fact.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PhysicianFact.name, schema: PhysicianFactSchema },
      { name: ProgramFact.name, schema: ProgramFactSchema },
      { name: EnrollmentFact.name, schema: EnrollmentFactSchema },
    ]),
  ],
  providers: [
    PhysicianFactRepository,
    ProgramFactRepository,
    EnrollmentFactRepository,
    ReadModelService,
    ProfilesEventsConsumer,
  ],
  exports: [
    ReadModelService,
    PhysicianFactRepository,
    ProgramFactRepository,
    EnrollmentFactRepository,
  ],
})
export class ReadModelModule {}
