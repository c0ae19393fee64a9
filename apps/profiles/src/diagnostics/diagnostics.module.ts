import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DiagnosticPingController } from './diagnostic-ping.controller';
import { DiagnosticPingRepository } from './diagnostic-ping.repository';
import { DiagnosticPingService } from './diagnostic-ping.service';
import { DiagnosticPing, DiagnosticPingSchema } from './schemas/diagnostic-ping.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: DiagnosticPing.name, schema: DiagnosticPingSchema }])],
  controllers: [DiagnosticPingController],
  providers: [DiagnosticPingService, DiagnosticPingRepository],
})
export class DiagnosticsModule {}
