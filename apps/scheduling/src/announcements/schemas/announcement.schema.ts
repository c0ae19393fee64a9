import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin } from '@medmentor/messaging';

/**
 * The record that an announcement (a reminder, an overdue check-in, a milestone, a health
 * change, "no common slot") was made, carrying its events in its outbox. Its id names the
 * announcement (`reminder:<meeting>:<offset>`, `milestone:<match>:<key>`, …), so inserting it
 * is the claim: however many replicas or retries try, the insert succeeds once and the
 * events go out once. This holds on FerretDB too, whose updates are not atomic across
 * connections while a unique insert is.
 */
@Schema({ collection: 'announcements', versionKey: false })
export class Announcement {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) createdAt!: Date;
}

export const AnnouncementSchema = SchemaFactory.createForClass(Announcement);
AnnouncementSchema.plugin(outboxPlugin);
