import { z } from 'zod';
import { pageQueryFields, pageSchema } from '@medmentor/platform';

export const inboxQuerySchema = z.object({
  ...pageQueryFields,
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type InboxQuery = z.output<typeof inboxQuerySchema>;

export const inboxMessageViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxMessageView = z.output<typeof inboxMessageViewSchema>;

export const inboxPageSchema = pageSchema(inboxMessageViewSchema);
export const unreadCountSchema = z.object({ unread: z.number().int() });
export const inboxMessageParamsSchema = z.strictObject({ messageId: z.string().min(1).max(400) });
