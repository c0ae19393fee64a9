import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AnnouncementsModule } from '../announcements/announcements.module';
import { BusyModule } from '../busy/busy.module';
import { DirectoryModule } from '../directory/directory.module';
import { SchedulerService } from '../timers/scheduler.service';
import { MatchConsumer } from './match.consumer';
import { MatchRepository } from './match.repository';
import { ProgramsModule } from '../programs/programs.module';
import { MatchResourceController } from './match-resource.controller';
import { MatchResourceService } from './match-resource.service';
import { MeetingCancellationService } from './meeting-cancellation.service';
import { MeetingFactory } from './meeting-factory.service';
import { MeetingPlanner } from './meeting-planner.service';
import { MeetingController } from './meeting.controller';
import { MeetingRepository } from './meeting.repository';
import { MeetingService } from './meeting.service';
import { PairCalendarService } from './pair-calendar.service';
import { SeriesExtensionService } from './series-extension.service';
import { Match, MatchSchema } from './schemas/match.schema';
import { Meeting, MeetingSchema } from './schemas/meeting.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Match.name, schema: MatchSchema },
      { name: Meeting.name, schema: MeetingSchema },
    ]),
    DirectoryModule,
    BusyModule,
    AnnouncementsModule,
    ProgramsModule,
  ],
  controllers: [MeetingController, MatchResourceController],
  providers: [
    MatchRepository,
    MeetingRepository,
    PairCalendarService,
    MeetingFactory,
    MeetingPlanner,
    SeriesExtensionService,
    MeetingCancellationService,
    MatchResourceService,
    MeetingService,
    MatchConsumer,
    SchedulerService,
  ],
  exports: [MeetingService, MeetingRepository, SchedulerService, MeetingPlanner],
})
export class MeetingsModule {}
