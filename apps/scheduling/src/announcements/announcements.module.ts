import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AnnouncementRepository } from './announcement.repository';
import { Announcement, AnnouncementSchema } from './schemas/announcement.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: Announcement.name, schema: AnnouncementSchema }])],
  providers: [AnnouncementRepository],
  exports: [AnnouncementRepository],
})
export class AnnouncementsModule {}
