import { z } from 'zod';
import { NOTIFICATION_CHANNELS } from '@medmentor/contracts';
import { pageQueryFields, pageSchema } from '@medmentor/platform';
import { DELIVERY_STATUSES } from './schemas/delivery.schema';

export const deliveryLogQuerySchema = z.object({
  ...pageQueryFields,
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.enum(NOTIFICATION_CHANNELS).optional(),
  kind: z.string().min(1).max(64).optional(),
  physicianId: z.string().min(1).max(128).optional(),
});
export type DeliveryLogQuery = z.output<typeof deliveryLogQuerySchema>;

/** A line of the delivery log: who, what, channel, status, attempts, times. No message text. */
export const deliveryViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  status: z.enum(DELIVERY_STATUSES),
  reason: z.string().nullable(),
  physicianId: z.string().nullable(),
  adminContactId: z.string().nullable(),
  webhookId: z.string().nullable(),
  programId: z.string().nullable(),
  sourceEventId: z.string().nullable(),
  sourceEventType: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type DeliveryView = z.output<typeof deliveryViewSchema>;
export const deliveryPageSchema = pageSchema(deliveryViewSchema);
