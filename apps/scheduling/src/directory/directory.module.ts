import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryConsumer } from './directory.consumer';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';
import { PhysicianCalendar, PhysicianCalendarSchema } from './schemas/physician-calendar.schema';
import { ProgramCadence, ProgramCadenceSchema } from './schemas/program-cadence.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PhysicianCalendar.name, schema: PhysicianCalendarSchema },
      { name: ProgramCadence.name, schema: ProgramCadenceSchema },
    ]),
  ],
  providers: [DirectoryRepository, DirectoryService, DirectoryConsumer],
  exports: [DirectoryService],
})
export class DirectoryModule {}
