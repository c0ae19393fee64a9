import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EnrollmentRepository } from '../enrollments/enrollment.repository';
import { Enrollment, EnrollmentSchema } from '../enrollments/schemas/enrollment.schema';
import { TenantsModule } from '../tenants/tenants.module';
import { PhysicianController } from './physician.controller';
import { PhysicianRepository } from './physician.repository';
import { PhysicianService } from './physician.service';
import { Physician, PhysicianSchema } from './schemas/physician.schema';

@Module({
  imports: [
    // The list filters by enrollment through the enrollments' repository (same model).
    MongooseModule.forFeature([
      { name: Physician.name, schema: PhysicianSchema },
      { name: Enrollment.name, schema: EnrollmentSchema },
    ]),
    TenantsModule,
  ],
  controllers: [PhysicianController],
  providers: [PhysicianService, PhysicianRepository, EnrollmentRepository],
  exports: [PhysicianService],
})
export class PhysiciansModule {}
