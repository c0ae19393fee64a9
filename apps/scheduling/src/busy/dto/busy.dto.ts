import { z } from 'zod';

export const physicianParamsSchema = z.strictObject({ physicianId: z.string().min(1).max(128) });
export type PhysicianParams = z.infer<typeof physicianParamsSchema>;

export const blackoutParamsSchema = physicianParamsSchema.extend({ blackoutId: z.uuid() });
export type BlackoutParams = z.infer<typeof blackoutParamsSchema>;

/** An uploaded call or shift schedule: the text of an .ics file (at most ~900 kB). */
export const uploadCalendarSchema = z.strictObject({
  ics: z
    .string()
    .min(1)
    .max(900_000)
    .describe('The iCalendar text (BEGIN:VCALENDAR … END:VCALENDAR).'),
});
export type UploadCalendarDto = z.infer<typeof uploadCalendarSchema>;

/** Whole local days (the physician's zone), both inclusive. */
export const blackoutSchema = z
  .strictObject({
    from: z.iso.date(),
    to: z.iso.date(),
    reason: z.string().trim().min(1).max(200).optional(),
  })
  .refine((b) => b.to >= b.from, { error: 'must not be before from', path: ['to'] })
  .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= 366 * 86_400_000, {
    error: 'a blackout lasts at most a year',
    path: ['to'],
  });
export type BlackoutDto = z.infer<typeof blackoutSchema>;

export const busyViewSchema = z.object({
  physicianId: z.string(),
  blackouts: z.array(
    z.object({
      id: z.string(),
      start: z.iso.datetime(),
      end: z.iso.datetime(),
      reason: z.string().optional(),
    }),
  ),
  calendar: z
    .object({ uploadedAt: z.iso.datetime(), events: z.number().int(), busySpans: z.number().int() })
    .nullable(),
});
export type BusyView = z.infer<typeof busyViewSchema>;
