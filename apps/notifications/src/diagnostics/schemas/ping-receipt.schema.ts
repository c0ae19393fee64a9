import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Proof that a ping event reached this service; `applications` counts handler runs. */
@Schema({ collection: 'ping_receipts', versionKey: false })
export class PingReceipt {
  /** The ping id: the natural key that makes a second insert impossible. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  eventId!: string;

  @Prop({ required: true })
  correlationId!: string;

  @Prop({ required: true })
  message!: string;

  @Prop({ required: true })
  sentAt!: Date;

  @Prop({ required: true })
  receivedAt!: Date;

  @Prop({ required: true, default: 0 })
  applications!: number;
}

export const PingReceiptSchema = SchemaFactory.createForClass(PingReceipt);
