import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TenantsModule } from '../tenants/tenants.module';
import { PhysicianController } from './physician.controller';
import { PhysicianRepository } from './physician.repository';
import { PhysicianService } from './physician.service';
import { Physician, PhysicianSchema } from './schemas/physician.schema';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: Physician.name, schema: PhysicianSchema }]),
    TenantsModule,
  ],
  controllers: [PhysicianController],
  providers: [PhysicianService, PhysicianRepository],
  exports: [PhysicianService],
})
export class PhysiciansModule {}
