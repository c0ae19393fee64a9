import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryModule } from '../directory/directory.module';
import { BusyController } from './busy.controller';
import { BusyRepository } from './busy.repository';
import { BusyService } from './busy.service';
import { BusyTime, BusyTimeSchema } from './schemas/busy-time.schema';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: BusyTime.name, schema: BusyTimeSchema }]),
    DirectoryModule,
  ],
  controllers: [BusyController],
  providers: [BusyRepository, BusyService],
  exports: [BusyService],
})
export class BusyModule {}
