import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The non-critical emails granted to one physician on one local day, for the daily cap.
 * `_id` is `<tenant>:<physician>:<yyyy-mm-dd>`, read and written by key only. It holds the
 * delivery ids themselves rather than a number, so granting is idempotent: a redelivered
 * event or a second replica planning the same delivery finds its id and takes no second slot.
 * At most DAILY_EMAIL_CAP ids per document.
 */
@Schema({ collection: 'email_day_counts', versionKey: false })
export class EmailDayCount {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  physicianId!: string;

  /** The physician's local date, `yyyy-mm-dd`. */
  @Prop({ required: true })
  day!: string;

  @Prop({ type: [String], required: true, default: [] })
  deliveryIds!: string[];
}

export const EmailDayCountSchema = SchemaFactory.createForClass(EmailDayCount);
// Serves erasure (every counter of one physician).
EmailDayCountSchema.index({ tenantId: 1, physicianId: 1 });
