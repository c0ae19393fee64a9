import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryModule } from '../directory/directory.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { CalendarFeed, CalendarFeedSchema } from './schemas/calendar-feed.schema';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: CalendarFeed.name, schema: CalendarFeedSchema }]),
    MeetingsModule,
    DirectoryModule,
  ],
  controllers: [CalendarController],
  providers: [CalendarService],
})
export class CalendarsModule {}
