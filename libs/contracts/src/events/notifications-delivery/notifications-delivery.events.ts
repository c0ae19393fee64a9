import { z } from 'zod';

const id = z.string().min(1).max(128);

export const NOTIFICATION_CHANNELS = ['email', 'inbox', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * One message to one recipient on one channel, as the notifications service announces its
 * outcome. Ids only: no address, name or message text travels on the topic. Key: the
 * delivery id (the idempotency key of the message).
 */
export const deliveryOutcomeSchema = z.object({
  deliveryId: z.string().min(1).max(400),
  tenantId: id,
  /** The message kind, e.g. `match-proposed`, or `digest`. */
  kind: z.string().min(1).max(64),
  channel: z.enum(NOTIFICATION_CHANNELS),
  /** The physician the message was for; absent for admin contacts and webhooks. */
  physicianId: id.optional(),
  webhookId: id.optional(),
  /** The event the message was made from (absent for digests). */
  sourceEventId: id.optional(),
  sourceEventType: z.string().min(1).max(200).optional(),
  attempts: z.number().int().min(0),
  at: z.iso.datetime({ offset: true }),
});

/** The message left: accepted by the SMTP server, stored in the inbox, or answered 2xx by the webhook. */
export const notificationsDeliverySentSchema = deliveryOutcomeSchema;

/** Every attempt failed (or the recipient cannot be reached): the message is dead-lettered. */
export const notificationsDeliveryFailedSchema = deliveryOutcomeSchema.extend({
  reason: z.string().min(1).max(1000),
});

export const SKIP_REASONS = ['opted-out', 'recipient-erased', 'recipient-removed', 'digested'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * The message was not sent on purpose: preferences, an erased physician, a removed admin
 * contact or webhook, or a digest that took it in.
 */
export const notificationsDeliverySkippedSchema = deliveryOutcomeSchema.extend({
  reason: z.enum(SKIP_REASONS),
});

export type NotificationsDeliverySent = z.infer<typeof notificationsDeliverySentSchema>;
export type NotificationsDeliveryFailed = z.infer<typeof notificationsDeliveryFailedSchema>;
export type NotificationsDeliverySkipped = z.infer<typeof notificationsDeliverySkippedSchema>;
