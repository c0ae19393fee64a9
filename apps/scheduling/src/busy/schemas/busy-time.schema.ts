import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export interface Blackout {
  id: string;
  start: Date;
  end: Date;
  reason?: string;
}

export interface BusySpan {
  start: Date;
  end: Date;
}

/** A physician's busy time: blackout dates and the busy spans of their uploaded call schedule. */
@Schema({ collection: 'busy_time', versionKey: false })
export class BusyTime {
  /** The physician id. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ type: [Object], default: [] }) blackouts!: Blackout[];
  @Prop({ type: [Object], default: [] }) calendarBusy!: BusySpan[];
  @Prop() calendarUploadedAt?: Date;
  @Prop() calendarEvents?: number;
}

export const BusyTimeSchema = SchemaFactory.createForClass(BusyTime);
// Serves the lookup of a pair's busy time by physician ids within a tenant.
BusyTimeSchema.index({ tenantId: 1, _id: 1 });
