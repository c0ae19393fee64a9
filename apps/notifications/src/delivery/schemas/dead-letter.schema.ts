import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A message that could not be delivered after every attempt, kept for operators. */
@Schema({ collection: 'delivery_dead_letters', versionKey: false })
export class DeliveryDeadLetter {
  /** The delivery id. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  kind!: string;

  @Prop({ required: true })
  channel!: string;

  @Prop({ required: true })
  reason!: string;

  @Prop({ required: true })
  attempts!: number;

  @Prop({ required: true })
  failedAt!: Date;
}

export const DeliveryDeadLetterSchema = SchemaFactory.createForClass(DeliveryDeadLetter);
