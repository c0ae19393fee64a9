import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A message in a physician's in-app inbox; `_id` is the delivery id, so it is stored once. */
@Schema({ collection: 'inbox_messages', versionKey: false })
export class InboxMessage {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  physicianId!: string;

  @Prop({ required: true })
  kind!: string;

  @Prop({ required: true })
  subject!: string;

  @Prop({ required: true })
  text!: string;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop()
  readAt?: Date;

  /**
   * The physicians whose names the subject and text hold (ids), so erasing one finds their
   * messages by index. Absent on messages stored before it was kept.
   */
  @Prop({ type: [String], default: undefined })
  mentions?: string[];
}

export const InboxMessageSchema = SchemaFactory.createForClass(InboxMessage);
// Serves a physician's inbox, newest first (keyset), its unread count and erasure.
InboxMessageSchema.index({ tenantId: 1, physicianId: 1, createdAt: -1, _id: -1 });
// Serves erasure: the messages (of any recipient) that name a physician.
InboxMessageSchema.index({ tenantId: 1, mentions: 1 });
