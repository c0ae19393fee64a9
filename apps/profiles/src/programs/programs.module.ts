import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TenantsModule } from '../tenants/tenants.module';
import { ProgramController } from './program.controller';
import { ProgramRepository } from './program.repository';
import { ProgramService } from './program.service';
import { Program, ProgramSchema } from './schemas/program.schema';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: Program.name, schema: ProgramSchema }]),
    TenantsModule,
  ],
  controllers: [ProgramController],
  providers: [ProgramService, ProgramRepository],
})
export class ProgramsModule {}
