import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Clock } from '../enrollments/clock';
import { Enrollment, EnrollmentSchema } from '../enrollments/schemas/enrollment.schema';
import { ProgramRepository } from '../programs/program.repository';
import { Program, ProgramSchema } from '../programs/schemas/program.schema';
import { AnalyticsEventsConsumer } from './analytics-events.consumer';
import { MatchAnalyticsRepository } from './match-analytics.repository';
import { ProgramAnalyticsController } from './program-analytics.controller';
import { ProgramAnalyticsService } from './program-analytics.service';
import { MatchAnalytics, MatchAnalyticsSchema } from './schemas/match-analytics.schema';

/**
 * Program analytics: a read model of matches built from matching's and scheduling's events,
 * with the program's enrollments read in place (the same models as their features').
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: MatchAnalytics.name, schema: MatchAnalyticsSchema },
      { name: Enrollment.name, schema: EnrollmentSchema },
      { name: Program.name, schema: ProgramSchema },
    ]),
  ],
  controllers: [ProgramAnalyticsController],
  providers: [
    Clock,
    MatchAnalyticsRepository,
    ProgramAnalyticsService,
    ProgramRepository,
    AnalyticsEventsConsumer,
  ],
})
export class AnalyticsModule {}
