import { z } from 'zod';

/** `from` and `to` bound the period `[from, to)`; `to` defaults to now, `from` to the beginning. */
export const analyticsQuerySchema = z
  .strictObject({
    from: z.iso
      .datetime({ offset: true })
      .transform((value) => new Date(value))
      .optional()
      .describe('Start of the period (inclusive), RFC 3339; default: the beginning.'),
    to: z.iso
      .datetime({ offset: true })
      .transform((value) => new Date(value))
      .optional()
      .describe('End of the period (exclusive), RFC 3339; default: now.'),
  })
  .superRefine((query, context) => {
    if (query.from !== undefined && query.to !== undefined && query.from >= query.to) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    }
  });

export type AnalyticsQuery = z.output<typeof analyticsQuerySchema>;
