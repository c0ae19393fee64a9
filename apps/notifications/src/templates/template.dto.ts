import { z } from 'zod';
import { NOTIFICATION_CHANNELS } from '@medmentor/contracts';
import { KIND_NAMES } from '../kinds/kind-registry';

export const templateParamsSchema = z.strictObject({
  kind: z.enum(KIND_NAMES),
  channel: z.enum(NOTIFICATION_CHANNELS),
});
export type TemplateParams = z.output<typeof templateParamsSchema>;

export const templateSetSchema = z.object({
  subject: z.string().min(1).max(500),
  text: z.string().min(1).max(20_000),
  /** Email only. */
  html: z.string().min(1).max(100_000).optional(),
});
export type TemplateSetDto = z.output<typeof templateSetSchema>;

export const previewSchema = z.object({
  /** A template to try before saving it; absent: the tenant's current one. */
  template: z
    .strictObject({
      subject: z.string().min(1).max(500),
      text: z.string().min(1).max(20_000),
      html: z.string().max(100_000).optional(),
    })
    .optional(),
  /** Values to render with, merged over the kind's sample data. */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type PreviewDto = z.output<typeof previewSchema>;

export const templateViewSchema = z.object({
  kind: z.string(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  overridden: z.boolean(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
});
export type TemplateView = z.output<typeof templateViewSchema>;
export const templateListSchema = z.object({ items: z.array(templateViewSchema) });
export const renderedSchema = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
});
