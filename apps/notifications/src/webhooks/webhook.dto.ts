import { z } from 'zod';
import { KIND_NAMES } from '../kinds/kind-registry';

export const createWebhookSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000),
  /** Message kinds to receive; empty or absent: every kind. */
  kinds: z.array(z.enum(KIND_NAMES)).max(50).default([]),
});
export type CreateWebhookDto = z.output<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .strictObject({
    url: createWebhookSchema.shape.url.optional(),
    kinds: z.array(z.enum(KIND_NAMES)).max(50).optional(),
  })
  .refine((v) => v.url !== undefined || v.kinds !== undefined, {
    error: 'give url or kinds',
    path: ['url'],
  });
export type UpdateWebhookDto = z.output<typeof updateWebhookSchema>;

export const webhookViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  kinds: z.array(z.string()),
  createdAt: z.string(),
});
export type WebhookView = z.output<typeof webhookViewSchema>;

/** Only the answers to creation and rotation carry the secret. */
export const createdWebhookSchema = webhookViewSchema.extend({
  secret: z.string().describe('HMAC-SHA256 signing secret. Shown once: store it now.'),
});

export const webhookListSchema = z.object({ items: z.array(webhookViewSchema) });
export const webhookParamsSchema = z.strictObject({ webhookId: z.uuid() });
