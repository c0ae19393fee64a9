import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin } from '@medmentor/messaging';

/** A pipeline probe sent by an operator; its event travels through the outbox. */
@Schema({ collection: 'diagnostic_pings', versionKey: false })
export class DiagnosticPing {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  message!: string;

  @Prop({ required: true })
  sentBy!: string;

  @Prop({ required: true })
  sentAt!: Date;
}

export const DiagnosticPingSchema = SchemaFactory.createForClass(DiagnosticPing);
// Serves the list of a tenant's recent pings.
DiagnosticPingSchema.index({ tenantId: 1, sentAt: -1 });
DiagnosticPingSchema.plugin(outboxPlugin);
