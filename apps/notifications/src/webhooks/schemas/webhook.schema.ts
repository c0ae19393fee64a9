import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A tenant's webhook endpoint (Teams/Slack-style integrations). */
@Schema({ collection: 'webhooks', versionKey: false })
export class Webhook {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  url!: string;

  /** Message kinds sent to it; empty means every kind. */
  @Prop({ type: [String], required: true, default: [] })
  kinds!: string[];

  /**
   * The signing secret, sealed with NOTIFICATIONS_SECRET_KEY (AES-256-GCM, `v1.…`); shown
   * once, when the webhook is created or its secret rotated.
   */
  @Prop({ required: true })
  secret!: string;

  @Prop()
  secretRotatedAt?: Date;

  @Prop()
  updatedAt?: Date;

  @Prop({ required: true })
  createdAt!: Date;
}

export const WebhookSchema = SchemaFactory.createForClass(Webhook);
// Serves the fan-out to a tenant's webhooks and their list, newest first.
WebhookSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
