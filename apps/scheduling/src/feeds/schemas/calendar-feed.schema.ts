import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A physician's calendar feed: only the SHA-256 of its secret token is stored. */
@Schema({ collection: 'calendar_feeds', versionKey: false })
export class CalendarFeed {
  /** The physician id: one feed per physician; a new one replaces (revokes) the old. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) tokenHash!: string;
  @Prop({ required: true }) createdAt!: Date;
}

export const CalendarFeedSchema = SchemaFactory.createForClass(CalendarFeed);
// Unique: serves the feed request, which knows only the token.
CalendarFeedSchema.index({ tokenHash: 1 }, { unique: true });
