import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** One weekly window in the physician's own time zone, e.g. Tuesdays 18:00–20:00. */
export const availabilityWindowSchema = z
  .strictObject({
    day: z.enum(WEEKDAYS),
    start: z.string().regex(LOCAL_TIME, { error: 'must be a local time HH:mm' }),
    end: z.string().regex(LOCAL_TIME, { error: 'must be a local time HH:mm' }),
  })
  .refine((w) => minutes(w.end) > minutes(w.start), { error: 'end must be after start', path: ['end'] });

export type AvailabilityWindow = z.infer<typeof availabilityWindowSchema>;

/** Windows of one day must not overlap; up to 28 windows a week. */
export const weeklyAvailabilitySchema = z
  .array(availabilityWindowSchema)
  .max(28)
  .superRefine((windows, ctx) => {
    const byDay = new Map<string, AvailabilityWindow[]>();
    windows.forEach((w) => byDay.set(w.day, [...(byDay.get(w.day) ?? []), w]));
    for (const [day, list] of byDay) {
      const sorted = [...list].sort((a, b) => minutes(a.start) - minutes(b.start));
      for (let i = 1; i < sorted.length; i += 1) {
        if (minutes(sorted[i].start) < minutes(sorted[i - 1].end)) {
          ctx.addIssue({ code: 'custom', message: `windows on ${day} overlap`, path: [windows.indexOf(sorted[i])] });
        }
      }
    }
  });
