import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin } from '@medmentor/messaging';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'skipped', 'digest-queued'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The lease of a delivery nobody holds. */
export const NO_LEASE = new Date(0);

/**
 * One message to one recipient on one channel. `_id` is the idempotency key
 * (`<event id>:<recipient>:<channel>`, or `digest:...`), so a redelivered event, a restart or
 * a second replica can never create it twice. The outcome and its event
 * (medmentor.notifications.delivery.*) are written together through the outbox.
 */
@Schema({ collection: 'deliveries', versionKey: false })
export class Delivery {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  kind!: string;

  @Prop({ required: true })
  category!: string;

  @Prop({ required: true })
  priority!: string;

  @Prop({ required: true })
  channel!: string;

  @Prop()
  physicianId?: string;

  @Prop()
  adminContactId?: string;

  @Prop()
  webhookId?: string;

  @Prop()
  programId?: string;

  @Prop()
  sourceEventId?: string;

  @Prop()
  sourceEventType?: string;

  /** Template data as JSON (keys of user data never meet the database's field-name rules). */
  @Prop()
  data?: string;

  @Prop({ type: String, required: true, enum: DELIVERY_STATUSES })
  status!: DeliveryStatus;

  @Prop()
  reason?: string;

  /** Digest-queued items: `<physician>:<period>`; the digest delivery gathers them. */
  @Prop()
  digestKey?: string;

  @Prop()
  digestId?: string;

  /** When it may be sent (quiet hours, retries, digest period end). */
  @Prop({ required: true })
  dueAt!: Date;

  @Prop({ required: true, default: 0 })
  attempts!: number;

  @Prop()
  lastError?: string;

  @Prop()
  lockedBy?: string;

  @Prop({ required: true, default: NO_LEASE })
  lockedUntil!: Date;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop()
  sentAt?: Date;

  @Prop()
  finishedAt?: Date;

  /**
   * On deliveries whose `data` holds rendered text (digests keep their lines' subjects): the
   * physicians it names (ids), so erasing one finds them by index.
   */
  @Prop({ type: [String], default: undefined })
  mentions?: string[];
}

export const DeliverySchema = SchemaFactory.createForClass(Delivery);
DeliverySchema.plugin(outboxPlugin);
// Serves the dispatcher's claim of due work (pending) and the digest job (digest-queued).
DeliverySchema.index({ status: 1, dueAt: 1 });
// Serves the delivery log, newest first per tenant.
DeliverySchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
// Serves the log filtered by physician, and erasure.
DeliverySchema.index({ tenantId: 1, physicianId: 1, channel: 1, createdAt: -1 });
// Serves erasure: the digests whose stored lines name a physician.
DeliverySchema.index({ tenantId: 1, mentions: 1 });
